/// Colour tables taken from matplotlib's named colours and colormaps (data, generated once).
enum ColorTables {
    /// CSS4 colour names (lowercase) to `#rrggbb`.
    static let css4: [String: String] = [
        "aliceblue": "#f0f8ff",
        "antiquewhite": "#faebd7",
        "aqua": "#00ffff",
        "aquamarine": "#7fffd4",
        "azure": "#f0ffff",
        "beige": "#f5f5dc",
        "bisque": "#ffe4c4",
        "black": "#000000",
        "blanchedalmond": "#ffebcd",
        "blue": "#0000ff",
        "blueviolet": "#8a2be2",
        "brown": "#a52a2a",
        "burlywood": "#deb887",
        "cadetblue": "#5f9ea0",
        "chartreuse": "#7fff00",
        "chocolate": "#d2691e",
        "coral": "#ff7f50",
        "cornflowerblue": "#6495ed",
        "cornsilk": "#fff8dc",
        "crimson": "#dc143c",
        "cyan": "#00ffff",
        "darkblue": "#00008b",
        "darkcyan": "#008b8b",
        "darkgoldenrod": "#b8860b",
        "darkgray": "#a9a9a9",
        "darkgreen": "#006400",
        "darkgrey": "#a9a9a9",
        "darkkhaki": "#bdb76b",
        "darkmagenta": "#8b008b",
        "darkolivegreen": "#556b2f",
        "darkorange": "#ff8c00",
        "darkorchid": "#9932cc",
        "darkred": "#8b0000",
        "darksalmon": "#e9967a",
        "darkseagreen": "#8fbc8f",
        "darkslateblue": "#483d8b",
        "darkslategray": "#2f4f4f",
        "darkslategrey": "#2f4f4f",
        "darkturquoise": "#00ced1",
        "darkviolet": "#9400d3",
        "deeppink": "#ff1493",
        "deepskyblue": "#00bfff",
        "dimgray": "#696969",
        "dimgrey": "#696969",
        "dodgerblue": "#1e90ff",
        "firebrick": "#b22222",
        "floralwhite": "#fffaf0",
        "forestgreen": "#228b22",
        "fuchsia": "#ff00ff",
        "gainsboro": "#dcdcdc",
        "ghostwhite": "#f8f8ff",
        "gold": "#ffd700",
        "goldenrod": "#daa520",
        "gray": "#808080",
        "green": "#008000",
        "greenyellow": "#adff2f",
        "grey": "#808080",
        "honeydew": "#f0fff0",
        "hotpink": "#ff69b4",
        "indianred": "#cd5c5c",
        "indigo": "#4b0082",
        "ivory": "#fffff0",
        "khaki": "#f0e68c",
        "lavender": "#e6e6fa",
        "lavenderblush": "#fff0f5",
        "lawngreen": "#7cfc00",
        "lemonchiffon": "#fffacd",
        "lightblue": "#add8e6",
        "lightcoral": "#f08080",
        "lightcyan": "#e0ffff",
        "lightgoldenrodyellow": "#fafad2",
        "lightgray": "#d3d3d3",
        "lightgreen": "#90ee90",
        "lightgrey": "#d3d3d3",
        "lightpink": "#ffb6c1",
        "lightsalmon": "#ffa07a",
        "lightseagreen": "#20b2aa",
        "lightskyblue": "#87cefa",
        "lightslategray": "#778899",
        "lightslategrey": "#778899",
        "lightsteelblue": "#b0c4de",
        "lightyellow": "#ffffe0",
        "lime": "#00ff00",
        "limegreen": "#32cd32",
        "linen": "#faf0e6",
        "magenta": "#ff00ff",
        "maroon": "#800000",
        "mediumaquamarine": "#66cdaa",
        "mediumblue": "#0000cd",
        "mediumorchid": "#ba55d3",
        "mediumpurple": "#9370db",
        "mediumseagreen": "#3cb371",
        "mediumslateblue": "#7b68ee",
        "mediumspringgreen": "#00fa9a",
        "mediumturquoise": "#48d1cc",
        "mediumvioletred": "#c71585",
        "midnightblue": "#191970",
        "mintcream": "#f5fffa",
        "mistyrose": "#ffe4e1",
        "moccasin": "#ffe4b5",
        "navajowhite": "#ffdead",
        "navy": "#000080",
        "oldlace": "#fdf5e6",
        "olive": "#808000",
        "olivedrab": "#6b8e23",
        "orange": "#ffa500",
        "orangered": "#ff4500",
        "orchid": "#da70d6",
        "palegoldenrod": "#eee8aa",
        "palegreen": "#98fb98",
        "paleturquoise": "#afeeee",
        "palevioletred": "#db7093",
        "papayawhip": "#ffefd5",
        "peachpuff": "#ffdab9",
        "peru": "#cd853f",
        "pink": "#ffc0cb",
        "plum": "#dda0dd",
        "powderblue": "#b0e0e6",
        "purple": "#800080",
        "rebeccapurple": "#663399",
        "red": "#ff0000",
        "rosybrown": "#bc8f8f",
        "royalblue": "#4169e1",
        "saddlebrown": "#8b4513",
        "salmon": "#fa8072",
        "sandybrown": "#f4a460",
        "seagreen": "#2e8b57",
        "seashell": "#fff5ee",
        "sienna": "#a0522d",
        "silver": "#c0c0c0",
        "skyblue": "#87ceeb",
        "slateblue": "#6a5acd",
        "slategray": "#708090",
        "slategrey": "#708090",
        "snow": "#fffafa",
        "springgreen": "#00ff7f",
        "steelblue": "#4682b4",
        "tan": "#d2b48c",
        "teal": "#008080",
        "thistle": "#d8bfd8",
        "tomato": "#ff6347",
        "turquoise": "#40e0d0",
        "violet": "#ee82ee",
        "wheat": "#f5deb3",
        "white": "#ffffff",
        "whitesmoke": "#f5f5f5",
        "yellow": "#ffff00",
        "yellowgreen": "#9acd32",
    ]

    /// 256-entry colormaps as `rrggbb` runs (6 hex digits per entry).
    static let colormaps: [String: String] = [
        "viridis":
            "44015444025645045745055946075a46085c460a5d460b5e470d60470e61471063471164471365481467481668481769" +
            "48186a481a6c481b6d481c6e481d6f481f70482071482173482374482475482576482677482878482979472a7a472c7a" +
            "472d7b472e7c472f7d46307e46327e46337f463480453581453781453882443983443a83443b84433d84433e85423f85" +
            "4240864241864142874144874045884046883f47883f48893e49893e4a893e4c8a3d4d8a3d4e8a3c4f8a3c508b3b518b" +
            "3b528b3a538b3a548c39558c39568c38588c38598c375a8c375b8d365c8d365d8d355e8d355f8d34608d34618d33628d" +
            "33638d32648e32658e31668e31678e31688e30698e306a8e2f6b8e2f6c8e2e6d8e2e6e8e2e6f8e2d708e2d718e2c718e" +
            "2c728e2c738e2b748e2b758e2a768e2a778e2a788e29798e297a8e297b8e287c8e287d8e277e8e277f8e27808e26818e" +
            "26828e26828e25838e25848e25858e24868e24878e23888e23898e238a8d228b8d228c8d228d8d218e8d218f8d21908d" +
            "21918c20928c20928c20938c1f948c1f958b1f968b1f978b1f988b1f998a1f9a8a1e9b8a1e9c891e9d891f9e891f9f88" +
            "1fa0881fa1881fa1871fa28720a38620a48621a58521a68522a78522a88423a98324aa8325ab8225ac8226ad8127ad81" +
            "28ae8029af7f2ab07f2cb17e2db27d2eb37c2fb47c31b57b32b67a34b67935b77937b87838b9773aba763bbb753dbc74" +
            "3fbc7340bd7242be7144bf7046c06f48c16e4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc863" +
            "5ec96260ca6063cb5f65cb5e67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d1537ad1517cd2507fd34e81d34d" +
            "84d44b86d54989d5488bd6468ed64590d74393d74195d84098d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc32" +
            "addc30b0dd2fb2dd2db5de2bb8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11cd2e21bd5e21a" +
            "d8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61ef6e620f8e621fbe723fde725",
        "plasma":
            "0d088710078813078916078a19068c1b068d1d068e20068f2206902406912605912805922a05932c05942e05952f0596" +
            "31059733059735049837049938049a3a049a3c049b3e049c3f049c41049d43039e44039e46039f48039f4903a04b03a1" +
            "4c02a14e02a25002a25102a35302a35502a45601a45801a45901a55b01a55c01a65e01a66001a66100a76300a76400a7" +
            "6600a76700a86900a86a00a86c00a86e00a86f00a87100a87201a87401a87501a87701a87801a87a02a87b02a87d03a8" +
            "7e03a88004a88104a78305a78405a78606a68707a68808a68a09a58b0aa58d0ba58e0ca48f0da4910ea3920fa39410a2" +
            "9511a19613a19814a099159f9a169f9c179e9d189d9e199da01a9ca11b9ba21d9aa31e9aa51f99a62098a72197a82296" +
            "aa2395ab2494ac2694ad2793ae2892b02991b12a90b22b8fb32c8eb42e8db52f8cb6308bb7318ab83289ba3388bb3488" +
            "bc3587bd3786be3885bf3984c03a83c13b82c23c81c33d80c43e7fc5407ec6417dc7427cc8437bc9447aca457acb4679" +
            "cc4778cc4977cd4a76ce4b75cf4c74d04d73d14e72d24f71d35171d45270d5536fd5546ed6556dd7566cd8576bd9586a" +
            "da5a6ada5b69db5c68dc5d67dd5e66de5f65de6164df6263e06363e16462e26561e26660e3685fe4695ee56a5de56b5d" +
            "e66c5ce76e5be76f5ae87059e97158e97257ea7457eb7556eb7655ec7754ed7953ed7a52ee7b51ef7c51ef7e50f07f4f" +
            "f0804ef1814df1834cf2844bf3854bf3874af48849f48948f58b47f58c46f68d45f68f44f79044f79143f79342f89441" +
            "f89540f9973ff9983ef99a3efa9b3dfa9c3cfa9e3bfb9f3afba139fba238fca338fca537fca636fca835fca934fdab33" +
            "fdac33fdae32fdaf31fdb130fdb22ffdb42ffdb52efeb72dfeb82cfeba2cfebb2bfebd2afebe2afec029fdc229fdc328" +
            "fdc527fdc627fdc827fdca26fdcb26fccd25fcce25fcd025fcd225fbd324fbd524fbd724fad824fada24f9dc24f9dd25" +
            "f8df25f8e125f7e225f7e425f6e626f6e826f5e926f5eb27f4ed27f3ee27f3f027f2f227f1f426f1f525f0f724f0f921",
        "inferno":
            "00000401000501010601010802010a02020c02020e03021004031204031405041706041907051b08051d09061f0a0722" +
            "0b07240c08260d08290e092b10092d110a30120a32140b34150b37160b39180c3c190c3e1b0c411c0c431e0c451f0c48" +
            "210c4a230c4c240c4f260c51280b53290b552b0b572d0b592f0a5b310a5c320a5e340a5f3609613809623909633b0964" +
            "3d09653e0966400a67420a68440a68450a69470b6a490b6a4a0c6b4c0c6b4d0d6c4f0d6c510e6c520e6d540f6d550f6d" +
            "57106e59106e5a116e5c126e5d126e5f136e61136e62146e64156e65156e67166e69166e6a176e6c186e6d186e6f196e" +
            "71196e721a6e741a6e751b6e771c6d781c6d7a1d6d7c1d6d7d1e6d7f1e6c801f6c82206c84206b85216b87216b88226a" +
            "8a226a8c23698d23698f24699025689225689326679526679727669827669a28659b29649d29649f2a63a02a63a22b62" +
            "a32c61a52c60a62d60a82e5fa92e5eab2f5ead305dae305cb0315bb1325ab3325ab43359b63458b73557b93556ba3655" +
            "bc3754bd3853bf3952c03a51c13a50c33b4fc43c4ec63d4dc73e4cc83f4bca404acb4149cc4248ce4347cf4446d04545" +
            "d24644d34743d44842d54a41d74b3fd84c3ed94d3dda4e3cdb503bdd513ade5238df5337e05536e15635e25734e35933" +
            "e45a31e55c30e65d2fe75e2ee8602de9612bea632aeb6429eb6628ec6726ed6925ee6a24ef6c23ef6e21f06f20f1711f" +
            "f1731df2741cf3761bf37819f47918f57b17f57d15f67e14f68013f78212f78410f8850ff8870ef8890cf98b0bf98c0a" +
            "f98e09fa9008fa9207fa9407fb9606fb9706fb9906fb9b06fb9d07fc9f07fca108fca309fca50afca60cfca80dfcaa0f" +
            "fcac11fcae12fcb014fcb216fcb418fbb61afbb81dfbba1ffbbc21fbbe23fac026fac228fac42afac62df9c72ff9c932" +
            "f9cb35f8cd37f8cf3af7d13df7d340f6d543f6d746f5d949f5db4cf4dd4ff4df53f4e156f3e35af3e55df2e661f2e865" +
            "f2ea69f1ec6df1ed71f1ef75f1f179f2f27df2f482f3f586f3f68af4f88ef5f992f6fa96f8fb9af9fc9dfafda1fcffa4",
        "magma":
            "00000401000501010601010802010902020b02020d03030f03031204041405041606051806051a07061c08071e090720" +
            "0a08220b09240c09260d0a290e0b2b100b2d110c2f120d31130d34140e36150e38160f3b180f3d19103f1a10421c1044" +
            "1d11471e114920114b21114e22115024125325125527125829115a2a115c2c115f2d11612f1163311165331067341069" +
            "36106b38106c390f6e3b0f703d0f713f0f72400f74420f75440f764510774710784910784a10794c117a4e117b4f127b" +
            "51127c52137c54137d56147d57157e59157e5a167e5c167f5d177f5f187f601880621980641a80651a80671b80681c81" +
            "6a1c816b1d816d1d816e1e81701f81721f817320817521817621817822817922827b23827c23827e2482802582812581" +
            "8326818426818627818827818928818b29818c29818e2a81902a81912b81932b80942c80962c80982d80992d809b2e7f" +
            "9c2e7f9e2f7fa02f7fa1307ea3307ea5317ea6317da8327daa337dab337cad347cae347bb0357bb2357bb3367ab5367a" +
            "b73779b83779ba3878bc3978bd3977bf3a77c03a76c23b75c43c75c53c74c73d73c83e73ca3e72cc3f71cd4071cf4070" +
            "d0416fd2426fd3436ed5446dd6456cd8456cd9466bdb476adc4869de4968df4a68e04c67e24d66e34e65e44f64e55064" +
            "e75263e85362e95462ea5661eb5760ec5860ed5a5fee5b5eef5d5ef05f5ef1605df2625df2645cf3655cf4675cf4695c" +
            "f56b5cf66c5cf66e5cf7705cf7725cf8745cf8765cf9785df9795df97b5dfa7d5efa7f5efa815ffb835ffb8560fb8761" +
            "fc8961fc8a62fc8c63fc8e64fc9065fd9266fd9467fd9668fd9869fd9a6afd9b6bfe9d6cfe9f6dfea16efea36ffea571" +
            "fea772fea973feaa74feac76feae77feb078feb27afeb47bfeb67cfeb77efeb97ffebb81febd82febf84fec185fec287" +
            "fec488fec68afec88cfeca8dfecc8ffecd90fecf92fed194fed395fed597fed799fed89afdda9cfddc9efddea0fde0a1" +
            "fde2a3fde3a5fde5a7fde7a9fde9aafdebacfcecaefceeb0fcf0b2fcf2b4fcf4b6fcf6b8fcf7b9fcf9bbfcfbbdfcfdbf",
        "cividis":
            "00224e00234f00245100255300255400265600275800285900285b00295d002a5f002a61002b62002c64002c66002d68" +
            "002e6a002e6c002f6d00306f0030700031700031710132710533710833700c34700f357012357014367016377018376f" +
            "1a386f1c396f1e3a6f203a6f213b6e233c6e243c6e263d6e273e6e293f6e2a3f6d2b406d2d416d2e416d2f426d31436d" +
            "32436d33446d34456c35456c36466c38476c39486c3a486c3b496c3c4a6c3d4a6c3e4b6c3f4c6c404c6c414d6c424e6c" +
            "434e6c444f6c45506c46516c47516c48526c49536c4a536c4b546c4c556c4d556c4e566c4f576c50576c51586d52596d" +
            "535a6d545a6d555b6d555c6d565c6d575d6d585e6d595e6e5a5f6e5b606e5c616e5d616e5e626e5e636f5f636f60646f" +
            "61656f62656f636670646770656870656870666970676a71686a71696b716a6c716b6d726c6d726c6e726d6f726e6f73" +
            "6f70737071737172747272747273747374757474757575757676767777767777777878777979777a7a787b7a787c7b78" +
            "7d7c787e7c787e7d787f7e78807f78817f788280798381798482798582798683798784788885788985788a86788b8778" +
            "8c88788d88788e89788f8a78908b78918b78928c78928d78938e78948e77958f779690779791779892779992779a9376" +
            "9b94769c95769d95769e96769f9775a09875a19975a29975a39a74a49b74a59c74a69c74a79d73a89e73a99f73aaa073" +
            "aba072aca172ada272aea371afa471b0a571b1a570b3a670b4a76fb5a86fb6a96fb7a96eb8aa6eb9ab6dbaac6dbbad6d" +
            "bcae6cbdae6cbeaf6bbfb06bc0b16ac1b26ac2b369c3b369c4b468c5b568c6b667c7b767c8b866c9b965cbb965ccba64" +
            "cdbb63cebc63cfbd62d0be62d1bf61d2c060d3c05fd4c15fd5c25ed6c35dd7c45cd9c55cdac65bdbc75adcc859ddc858" +
            "dec958dfca57e0cb56e1cc55e2cd54e4ce53e5cf52e6d051e7d150e8d24fe9d34eead34cebd44bedd54aeed649efd748" +
            "f0d846f1d945f2da44f3db42f5dc41f6dd3ff7de3ef8df3cf9e03afbe138fce236fde334fee434fee535fee636fee838",
        "coolwarm":
            "3b4cc03c4ec23d50c33e51c53f53c64055c84257c94358cb445acc455cce465ecf485fd14961d24a63d34b64d54c66d6" +
            "4e68d84f69d9506bda516ddb536edd5470de5572df5673e05875e15977e35a78e45b7ae55d7ce65e7de75f7fe86180e9" +
            "6282ea6384eb6485ec6687ed6788ee688aef6a8bef6b8df06c8ff16e90f26f92f37093f37295f47396f57597f67699f6" +
            "779af7799cf87a9df87b9ff97da0f97ea1fa80a3fa81a4fb82a6fb84a7fc85a8fc86a9fc88abfd89acfd8badfd8caffe" +
            "8db0fe8fb1fe90b2fe92b4fe93b5fe94b6ff96b7ff97b8ff98b9ff9abbff9bbcff9dbdff9ebeff9fbfffa1c0ffa2c1ff" +
            "a3c2fea5c3fea6c4fea7c5fea9c6fdaac7fdabc8fdadc9fdaec9fcafcafcb1cbfcb2ccfbb3cdfbb5cdfab6cefab7cff9" +
            "b9d0f9bad0f8bbd1f8bcd2f7bed2f6bfd3f6c0d4f5c1d4f4c3d5f4c4d5f3c5d6f2c6d6f1c7d7f0c9d7f0cad8efcbd8ee" +
            "ccd9edcdd9eccedaebcfdaead1dae9d2dbe8d3dbe7d4dbe6d5dbe5d6dce4d7dce3d8dce2d9dce1dadce0dbdcdedcdddd" +
            "dddcdcdedcdbdfdbd9e0dbd8e1dad6e2dad5e3d9d3e4d9d2e5d8d1e6d7cfe7d7cee8d6cce9d5cbead5c9ead4c8ebd3c6" +
            "ecd3c5edd2c3edd1c2eed0c0efcfbfefcebdf0cdbbf1cdbaf1ccb8f2cbb7f2cab5f2c9b4f3c8b2f3c7b1f4c6aff4c5ad" +
            "f5c4acf5c2aaf5c1a9f5c0a7f6bfa6f6bea4f6bda2f7bca1f7ba9ff7b99ef7b89cf7b79bf7b599f7b497f7b396f7b194" +
            "f7b093f7af91f7ad90f7ac8ef7aa8cf7a98bf7a889f7a688f6a586f6a385f6a283f5a081f59f80f59d7ef59c7df49a7b" +
            "f4987af39778f39577f39475f29274f29072f18f71f18d6ff08b6ef08a6cef886bee8669ee8468ed8366ec8165ec7f63" +
            "eb7d62ea7b60e97a5fe9785de8765ce7745be67259e57058e46e56e36c55e36b54e26952e16751e0654fdf634ede614d" +
            "dd5f4bdc5d4ada5a49d95847d85646d75445d65244d55042d44e41d24b40d1493fd0473dcf453ccd423bcc403acb3e38" +
            "ca3b37c83836c73635c53334c43032c32e31c12b30c0282fbe242ebd1f2dbb1b2cba162bb8122ab70d28b50927b40426",
        "RdBu":
            "67001f6a011f6d02207003207304217605217906227c07227f0823810823840924870a248a0b258d0c25900d26930e26" +
            "960f279910279c11279f1228a21328a51429a81529ab162aae172ab1182bb3192cb41c2db61f2eb72230b82531ba2832" +
            "bb2a34bd2d35be3036bf3338c13639c2383ac43b3cc53e3dc6413ec84440c94741cb4942cc4c44ce4f45cf5246d05548" +
            "d25849d35a4ad55d4cd6604dd7634fd86551da6853db6b55dc6e57dd7059de735cdf765ee17860e27b62e37e64e48066" +
            "e58368e6866ae8896ce98b6eea8e70eb9172ec9374ee9677ef9979f09c7bf19e7df2a17ff3a481f4a683f5a886f5aa89" +
            "f5ac8bf6af8ef6b191f6b394f7b596f7b799f7b99cf8bb9ef8bda1f8bfa4f9c2a7f9c4a9f9c6acfac8affacab1fbccb4" +
            "fbceb7fbd0b9fcd3bcfcd5bffcd7c2fdd9c4fddbc7fddcc9fdddcbfcdecdfcdfcffce0d0fce2d2fbe3d4fbe4d6fbe5d8" +
            "fbe6dafae7dcfae8defae9dffaeae1f9ebe3f9ede5f9eee7f9efe9f9f0ebf8f1edf8f2eff8f3f0f8f4f2f7f5f4f7f6f6" +
            "f6f7f7f5f6f7f3f5f6f2f5f6f0f4f6eff3f5edf2f5ecf2f5eaf1f5e9f0f4e7f0f4e6eff4e4eef4e3edf3e1edf3e0ecf3" +
            "deebf2ddebf2dbeaf2dae9f2d8e9f1d7e8f1d5e7f1d4e6f1d2e6f0d1e5f0cfe4efcce2efcae1eec7e0edc5dfecc2ddec" +
            "c0dcebbddbeabbdaeab8d8e9b6d7e8b3d6e8b1d5e7aed3e6acd2e5a9d1e5a7d0e4a5cee3a2cde3a0cce29dcbe19bc9e0" +
            "98c8e096c7df93c6de90c4dd8dc2dc8ac0db87beda84bcd981bad87eb8d77bb6d678b4d575b2d471b0d36eaed26bacd1" +
            "68abd065a9cf62a7ce5fa5cd5ca3cb59a1ca569fc9529dc84f9bc74c99c64997c54695c44393c34291c2408fc13f8ec0" +
            "3e8cbf3c8abe3b88be3a87bd3885bc3783bb3681ba3480b9337eb8327cb7307ab62f79b52e77b52c75b42b73b32a71b2" +
            "2870b1276eb0266caf246aae2369ad2267ac2065ab1f63a81e61a51d5fa21c5c9f1b5a9c1a5899195696185493175290" +
            "15508d144e8a134c8712498411478110457e0f437b0e41790d3f760c3d730a3b7009386d08366a073467063264053061",
        "Blues":
            "f7fbfff6fafff5fafef5f9fef4f9fef3f8fef2f8fdf2f7fdf1f7fdf0f6fdeff6fceef5fceef5fcedf4fcecf4fbebf3fb" +
            "eaf3fbeaf2fbe9f2fae8f1fae7f1fae7f0fae6f0f9e5eff9e4eff9e3eef9e3eef8e2edf8e1edf8e0ecf8dfecf7dfebf7" +
            "deebf7ddeaf7dceaf6dce9f6dbe9f6dae8f6d9e8f5d9e7f5d8e7f5d7e6f5d6e6f4d6e5f4d5e5f4d4e4f4d3e4f3d3e3f3" +
            "d2e3f3d1e2f3d0e2f2d0e1f2cfe1f2cee0f2cde0f1cddff1ccdff1cbdef1cadef0caddf0c9ddf0c8dcf0c7dcefc7dbef" +
            "c6dbefc4daeec3daeec2d9eec1d9edbfd8edbed8ecbdd7ecbcd7ebbad6ebb9d6eab8d5eab7d4eab5d4e9b4d3e9b3d3e8" +
            "b2d2e8b0d2e7afd1e7aed1e7add0e6abd0e6aacfe5a9cfe5a8cee4a6cee4a5cde3a4cce3a3cce3a1cbe2a0cbe29fcae1" +
            "9dcae19cc9e19ac8e099c7e097c6df95c5df94c4df92c4de91c3de8fc2de8dc1dd8cc0dd8abfdd89bedc87bddc85bcdc" +
            "84bcdb82bbdb81badb7fb9da7db8da7cb7da7ab6d979b5d977b5d975b4d874b3d872b2d871b1d76fb0d76dafd76caed6" +
            "6aaed669add568acd566abd465aad464a9d363a8d361a7d260a7d25fa6d15da5d15ca4d05ba3d05aa2cf58a1cf57a0ce" +
            "56a0ce549fcd539ecd529dcc519ccc4f9bcb4e9acb4d99ca4b98ca4a98c94997c94896c84695c84594c74493c74292c6" +
            "4191c64090c53f8fc53e8ec43d8dc43c8cc33b8bc23a8ac23989c13888c13787c03686c03585bf3484bf3383be3282be" +
            "3181bd3080bd2f7fbc2e7ebc2d7dbb2c7cba2b7bba2a7ab92979b92777b82676b82575b72474b72373b62272b62171b5" +
            "2070b4206fb41f6eb31e6db21d6cb11c6bb01c6ab01b69af1a68ae1967ad1966ad1865ac1764ab1663aa1562a91561a9" +
            "1460a8135fa7125ea6125da6115ca5105ba40f5aa30e59a20e58a20d57a10c56a00b559f0a549e0a539e09529d08519c" +
            "08509b084f99084e98084d96084c95084b93084a9108499008488e08478d08468b08458a084488084387084285084184" +
            "084082083e81083d7f083c7d083b7c083a7a08397908387708377608367408357308347108337008326e08316d08306b",
        "Reds":
            "fff5f0fff4effff4eefff3edfff2ecfff2ebfff1eafff0e9fff0e8ffefe8ffeee7ffeee6ffede5ffece4ffece3ffebe2" +
            "feeae1feeae0fee9dffee8defee8ddfee7dcfee7dbfee6dafee5d9fee5d8fee4d8fee3d7fee3d6fee2d5fee1d4fee1d3" +
            "fee0d2fedfd0fedecffedccdfedbccfedacafed9c9fed8c7fdd7c6fdd5c4fdd4c2fdd3c1fdd2bffdd1befdd0bcfdcebb" +
            "fdcdb9fdccb8fdcbb6fdcab5fdc9b3fdc7b2fdc6b0fdc5aefcc4adfcc3abfcc2aafcc1a8fcbfa7fcbea5fcbda4fcbca2" +
            "fcbba1fcb99ffcb89efcb79cfcb69bfcb499fcb398fcb296fcb095fcaf93fcae92fcad90fcab8ffcaa8dfca98cfca78b" +
            "fca689fca588fca486fca285fca183fca082fc9e80fc9d7ffc9c7dfc9b7cfc997afc9879fc9777fc9576fc9474fc9373" +
            "fc9272fc9070fc8f6ffc8e6efc8d6dfc8b6bfc8a6afc8969fc8767fc8666fc8565fc8464fc8262fc8161fc8060fc7f5f" +
            "fb7d5dfb7c5cfb7b5bfb7a5afb7858fb7757fb7656fb7555fb7353fb7252fb7151fb7050fb6e4efb6d4dfb6c4cfb6b4b" +
            "fb694afa6849fa6648fa6547f96346f96245f96044f85f43f85d42f75c41f75b40f7593ff6583ef6563df6553cf5533b" +
            "f5523af4503af44f39f44d38f34c37f34a36f34935f24734f24633f14432f14331f14130f0402ff03f2ef03d2def3c2c" +
            "ee3a2ced392bec382beb372aea362ae93529e83429e63328e53228e43027e32f27e22e27e12d26e02c26de2b25dd2a25" +
            "dc2924db2824da2723d92523d82422d72322d52221d42121d32020d21f20d11e1fd01d1fcf1c1fce1a1ecc191ecb181d" +
            "ca181dc9181dc8171cc7171cc5171cc4161cc3161bc2161bc1161bbf151bbe151abd151abc141abb141ab91419b81419" +
            "b71319b61319b51318b31218b21218b11218b01217af1117ad1117ac1117ab1016aa1016a91016a81016a60f15a50f15" +
            "a30f15a10e159f0e149d0d149c0d149a0c14980c13960b13940b13920a13900a128e09128c09128a0812880811860811" +
            "8407118207118006107e06107c05107a051079040f77040f75030f73030f71020e6f020e6d010e6b010e69000d67000d",
        "Greens":
            "f7fcf5f6fcf4f6fcf4f5fbf3f5fbf2f4fbf2f4fbf1f3faf0f2faf0f2faeff1faeef1faeef0f9edf0f9eceff9eceff9eb" +
            "eef8eaedf8eaedf8e9ecf8e8ecf8e8ebf7e7ebf7e7eaf7e6e9f7e5e9f7e5e8f6e4e8f6e3e7f6e3e7f6e2e6f5e1e5f5e1" +
            "e5f5e0e4f5dfe3f4dee2f4dde1f3dce0f3dbdff3dadef2d9ddf2d8dcf2d7dbf1d6dbf1d5daf0d4d9f0d3d8f0d2d7efd1" +
            "d6efd0d5efcfd4eeced3eecdd2edccd1edcbd0edcacfecc9ceecc8cdecc7ccebc6cbebc5cbeac4caeac3c9eac2c8e9c1" +
            "c7e9c0c6e8bfc4e8bdc3e7bcc2e7bbc1e6bac0e6b9bee5b8bde5b6bce4b5bbe4b4bae3b3b8e3b2b7e2b1b6e2afb5e1ae" +
            "b4e1adb2e0acb1e0abb0dfaaafdfa8aedea7acdea6abdda5aadda4a9dca3a8dca2a7dba0a5db9fa4da9ea3da9da2d99c" +
            "a0d99b9fd8999ed7989cd7979bd69699d59598d59497d49295d39194d39092d28f91d28e90d18d8ed08b8dd08a8bcf89" +
            "8ace8888ce8787cd8686cc8584cc8383cb8281ca8180ca807fc97f7dc87e7cc87c7ac77b79c67a78c67976c57875c477" +
            "73c47672c37570c2746ec1736dc0726bc0726abf7168be7066bd6f65bd6f63bc6e62bb6d60ba6c5eb96b5db96b5bb86a" +
            "5ab76958b66856b56755b56753b46652b36550b2644eb2644db1634bb0624aaf6148ae6046ae6045ad5f43ac5e42ab5d" +
            "40aa5d3fa95c3fa85b3ea75a3da65a3ca5593ba4583aa35739a25738a15637a055369f54359e53349d53339c52329b51" +
            "319a503099502f984f2f974e2e964d2d954d2c944c2b934b2a924a29914a289049278f48268e47258d47248c46238b45" +
            "228a442189442088431f87421e87411d86401c85401a843f19833e18823d17813d16803c157f3b147e3a137d39127c39" +
            "117b38107a370e79360d78360c77350b77340a763309753208743207733106723005712f03702e026f2e016e2d006d2c" +
            "006c2c006b2b00692a00682a006729006529006428006328006227006027005f26005e26005c25005b25005a24005924" +
            "005723005622005522005321005221005120005020004e1f004d1f004c1e004a1e00491d00481d00471c00451c00441b",
        "Oranges":
            "fff5ebfff5eafff4e9fff4e8fff3e7fff3e6fff2e6fff2e5fff1e4fff1e3fff0e2fff0e1ffefe0ffefdfffeedeffeedd" +
            "feeddcfeeddcfeeddbfeecdafeecd9feebd8feebd7feead6feead5fee9d4fee9d3fee8d2fee8d2fee7d1fee7d0fee6cf" +
            "fee6cefee5ccfee5cbfee4cafee3c8fee2c7fee2c6fee1c4fee0c3fee0c1fedfc0fedebffedebdfeddbcfedcbbfedcb9" +
            "fddbb8fddab6fdd9b5fdd9b4fdd8b2fdd7b1fdd7affdd6aefdd5adfdd5abfdd4aafdd3a9fdd3a7fdd2a6fdd1a4fdd1a3" +
            "fdd0a2fdcfa0fdce9efdcd9cfdcb9bfdca99fdc997fdc895fdc794fdc692fdc590fdc48ffdc38dfdc28bfdc189fdc088" +
            "fdbf86fdbe84fdbd83fdbb81fdba7ffdb97dfdb87cfdb77afdb678fdb576fdb475fdb373fdb271fdb170fdb06efdaf6c" +
            "fdae6afdad69fdac67fdab66fda965fda863fda762fda660fda55ffda45dfda35cfda25afda159fda057fd9f56fd9e54" +
            "fd9d53fd9c51fd9b50fd9a4efd994dfd984bfd974afd9649fd9547fd9446fd9344fd9243fd9141fd9040fd8f3efd8e3d" +
            "fd8c3bfc8b3afc8a39fc8937fb8836fb8735fb8634fa8532fa8331f98230f9812ef9802df87f2cf87e2bf87d29f77b28" +
            "f77a27f67925f67824f67723f57622f57520f5741ff4721ef4711cf3701bf36f1af36e19f26d17f26c16f26b15f16913" +
            "f16813f06712ef6612ee6511ee6410ed6310ec620feb610feb600eea5f0ee95e0de85d0ce75c0ce75b0be65a0be5590a" +
            "e4580ae45709e35608e25508e15407e15307e05206df5106de5005de4e05dd4d04dc4c03db4b03db4a02da4902d94801" +
            "d84801d64701d54601d34601d14501d04501ce4401cd4401cb4302c94202c84202c64102c54102c34002c14002c03f02" +
            "be3f02bd3e02bb3d02b93d02b83c02b63c02b53b02b33b02b13a03b03903ae3903ad3803ab3803a93703a83703a63603" +
            "a53603a43503a23503a13403a034039f33039e33039c32039b32039a3103993103973003963003952f03942f03932f03" +
            "912e04902e048f2d048e2d048c2c048b2c048a2b04892b04882a04862a048529048429048328048128048027047f2704",
        "Purples":
            "fcfbfdfcfbfdfbfafcfbfafcfaf9fcfaf9fcfaf8fbf9f8fbf9f7fbf8f7fbf8f7faf8f6faf7f6faf7f5faf6f5f9f6f4f9" +
            "f5f4f9f5f4f9f5f3f8f4f3f8f4f2f8f3f2f8f3f1f7f3f1f7f2f0f7f2f0f7f1f0f6f1eff6f1eff6f0eef6f0eef5efedf5" +
            "efedf5eeecf5eeecf4edebf4ecebf4eceaf3ebe9f3eae9f3eae8f2e9e8f2e8e7f2e8e6f2e7e6f1e6e5f1e6e5f1e5e4f0" +
            "e4e3f0e4e3f0e3e2efe2e2efe2e1efe1e0eee0e0eee0dfeedfdfeddedeeddeddedddddecdcdcecdcdcecdbdbecdadaeb" +
            "dadaebd9d9ead8d8ead7d7e9d6d6e9d5d5e9d4d4e8d3d3e8d2d2e7d1d2e7d0d1e6cfd0e6cecfe5cecee5cdcde4cccce4" +
            "cbcbe3cacae3c9c9e2c8c8e2c7c8e1c6c7e1c5c6e1c4c5e0c3c4e0c2c3dfc1c2dfc0c1debfc0debebfddbebeddbdbedc" +
            "bcbddcbbbbdbbabadbb9b9dab8b8d9b7b7d9b6b6d8b5b5d7b4b4d7b3b3d6b2b2d5b1b1d5b0afd4afaed4aeadd3aeacd2" +
            "adabd2acaad1aba9d0aaa8d0a9a7cfa8a6cfa7a4cea6a3cda5a2cda4a1cca3a0cba29fcba19ecaa09dca9f9cc99e9bc8" +
            "9e9ac89d99c79c98c79b97c69a96c69995c69894c59793c59692c49591c49490c39390c3928fc3918ec2908dc28f8cc1" +
            "8e8bc18e8ac08d89c08c88bf8b87bf8a86bf8986be8885be8784bd8683bd8582bc8481bc8380bb827fbb817ebb807dba" +
            "807cba7f7bb97e79b87d78b77d77b77c75b67b74b57b72b47a71b47970b3796eb2786db2776cb1776ab07669af7567af" +
            "7566ae7465ad7363ad7262ac7261ab715faa705eaa705ca96f5ba86e5aa86e58a76d57a66c55a56c54a56b53a46a51a3" +
            "6950a3694fa2684da1674ca1674ba066499f65489f65479e64459e63449d63439c62429c61409b613f9a603e9a5f3c99" +
            "5e3b985e3a985d38975c37975c36965b34955a33955a3294593093582f93582e92572c92562b91552a9055289054278f" +
            "53268f53258e52238d51228d51218c50208c4f1f8b4f1d8b4e1c8a4d1b894d1a894c18884c17884b16874a15874a1486" +
            "491285481185481084470f84460d83460c83450b82440a8244098143078042068042057f41047f40027e40017e3f007d",
        "Greys":
            "fffffffffffffefefefefefefdfdfdfdfdfdfcfcfcfcfcfcfbfbfbfbfbfbfafafafafafaf9f9f9f9f9f9f8f8f8f8f8f8" +
            "f7f7f7f7f7f7f7f7f7f6f6f6f6f6f6f5f5f5f5f5f5f4f4f4f4f4f4f3f3f3f3f3f3f2f2f2f2f2f2f1f1f1f1f1f1f0f0f0" +
            "f0f0f0efefefeeeeeeeeeeeeedededececececececebebebeaeaeae9e9e9e9e9e9e8e8e8e7e7e7e7e7e7e6e6e6e5e5e5" +
            "e4e4e4e4e4e4e3e3e3e2e2e2e1e1e1e1e1e1e0e0e0dfdfdfdfdfdfdedededddddddcdcdcdcdcdcdbdbdbdadadadadada" +
            "d9d9d9d8d8d8d7d7d7d6d6d6d5d5d5d4d4d4d4d4d4d3d3d3d2d2d2d1d1d1d0d0d0cfcfcfcecececdcdcdcccccccccccc" +
            "cbcbcbcacacac9c9c9c8c8c8c7c7c7c6c6c6c5c5c5c5c5c5c4c4c4c3c3c3c2c2c2c1c1c1c0c0c0bfbfbfbebebebebebe" +
            "bdbdbdbbbbbbbababab9b9b9b8b8b8b6b6b6b5b5b5b4b4b4b3b3b3b2b2b2b0b0b0afafafaeaeaeadadadabababaaaaaa" +
            "a9a9a9a8a8a8a7a7a7a5a5a5a4a4a4a3a3a3a2a2a2a0a0a09f9f9f9e9e9e9d9d9d9c9c9c9a9a9a999999989898979797" +
            "9595959494949393939292929191919090908f8f8f8e8e8e8d8d8d8c8c8c8a8a8a898989888888878787868686858585" +
            "8484848383838282828181817f7f7f7e7e7e7d7d7d7c7c7c7b7b7b7a7a7a797979787878777777767676757575737373" +
            "7272727171717070706f6f6f6e6e6e6d6d6d6c6c6c6b6b6b6a6a6a696969686868676767666666656565646464636363" +
            "6262626161616060605f5f5f5e5e5e5d5d5d5c5c5c5b5b5b5a5a5a585858575757565656555555545454535353525252" +
            "5151515050504e4e4e4d4d4d4b4b4b4a4a4a4848484747474646464444444343434141414040403f3f3f3d3d3d3c3c3c" +
            "3a3a3a3939393838383636363535353333333232323030302f2f2f2e2e2e2c2c2c2b2b2b292929282828272727252525" +
            "2424242323232222222121211f1f1f1e1e1e1d1d1d1c1c1c1b1b1b1a1a1a181818171717161616151515141414131313" +
            "1111111010100f0f0f0e0e0e0d0d0d0c0c0c0a0a0a090909080808070707060606050505030303020202010101000000",
        "gray":
            "0000000101010202020303030404040505050606060707070808080909090a0a0a0b0b0b0c0c0c0d0d0d0e0e0e0f0f0f" +
            "1010101111111212121313131414141515151616161717171818181919191a1a1a1b1b1b1c1c1c1d1d1d1e1e1e1f1f1f" +
            "2020202121212222222323232424242525252626262727272828282929292a2a2a2b2b2b2c2c2c2d2d2d2e2e2e2f2f2f" +
            "3030303131313232323333333434343535353636363737373838383939393a3a3a3b3b3b3c3c3c3d3d3d3e3e3e3f3f3f" +
            "4040404141414242424343434444444545454646464747474848484949494a4a4a4b4b4b4c4c4c4d4d4d4e4e4e4f4f4f" +
            "5050505151515252525353535454545555555656565757575858585959595a5a5a5b5b5b5c5c5c5d5d5d5e5e5e5f5f5f" +
            "6060606161616262626363636464646565656666666767676868686969696a6a6a6b6b6b6c6c6c6d6d6d6e6e6e6f6f6f" +
            "7070707171717272727373737474747575757676767777777878787979797a7a7a7b7b7b7c7c7c7d7d7d7e7e7e7f7f7f" +
            "8080808181818282828383838484848585858686868787878888888989898a8a8a8b8b8b8c8c8c8d8d8d8e8e8e8f8f8f" +
            "9090909191919292929393939494949595959696969797979898989999999a9a9a9b9b9b9c9c9c9d9d9d9e9e9e9f9f9f" +
            "a0a0a0a1a1a1a2a2a2a3a3a3a4a4a4a5a5a5a6a6a6a7a7a7a8a8a8a9a9a9aaaaaaabababacacacadadadaeaeaeafafaf" +
            "b0b0b0b1b1b1b2b2b2b3b3b3b4b4b4b5b5b5b6b6b6b7b7b7b8b8b8b9b9b9babababbbbbbbcbcbcbdbdbdbebebebfbfbf" +
            "c0c0c0c1c1c1c2c2c2c3c3c3c4c4c4c5c5c5c6c6c6c7c7c7c8c8c8c9c9c9cacacacbcbcbcccccccdcdcdcecececfcfcf" +
            "d0d0d0d1d1d1d2d2d2d3d3d3d4d4d4d5d5d5d6d6d6d7d7d7d8d8d8d9d9d9dadadadbdbdbdcdcdcdddddddedededfdfdf" +
            "e0e0e0e1e1e1e2e2e2e3e3e3e4e4e4e5e5e5e6e6e6e7e7e7e8e8e8e9e9e9eaeaeaebebebecececedededeeeeeeefefef" +
            "f0f0f0f1f1f1f2f2f2f3f3f3f4f4f4f5f5f5f6f6f6f7f7f7f8f8f8f9f9f9fafafafbfbfbfcfcfcfdfdfdfefefeffffff",
        "hot":
            "0b00000d00001000001200001500001800001a00001d00002000002200002500002700002a00002d00002f0000320000" +
            "3500003700003a00003c00003f00004200004400004700004a00004c00004f00005100005400005700005900005c0000" +
            "5f00006100006400006600006900006c00006e00007100007400007600007900007b00007e0000810000830000860000" +
            "8900008b00008e00009000009300009600009800009b00009e0000a00000a30000a50000a80000ab0000ad0000b00000" +
            "b30000b50000b80000ba0000bd0000c00000c20000c50000c80000ca0000cd0000cf0000d20000d50000d70000da0000" +
            "dd0000df0000e20000e40000e70000ea0000ec0000ef0000f20000f40000f70000f90000fc0000ff0000ff0200ff0500" +
            "ff0800ff0a00ff0d00ff1000ff1200ff1500ff1700ff1a00ff1d00ff1f00ff2200ff2500ff2700ff2a00ff2c00ff2f00" +
            "ff3200ff3400ff3700ff3a00ff3c00ff3f00ff4100ff4400ff4700ff4900ff4c00ff4f00ff5100ff5400ff5600ff5900" +
            "ff5c00ff5e00ff6100ff6400ff6600ff6900ff6b00ff6e00ff7100ff7300ff7600ff7900ff7b00ff7e00ff8000ff8300" +
            "ff8600ff8800ff8b00ff8e00ff9000ff9300ff9500ff9800ff9b00ff9d00ffa000ffa200ffa500ffa800ffaa00ffad00" +
            "ffb000ffb200ffb500ffb700ffba00ffbd00ffbf00ffc200ffc500ffc700ffca00ffcc00ffcf00ffd200ffd400ffd700" +
            "ffda00ffdc00ffdf00ffe100ffe400ffe700ffe900ffec00ffef00fff100fff400fff600fff900fffc00fffe00ffff03" +
            "ffff07ffff0bffff0fffff13ffff17ffff1bffff1fffff22ffff26ffff2affff2effff32ffff36ffff3affff3effff42" +
            "ffff46ffff4affff4effff52ffff56ffff5affff5effff61ffff65ffff69ffff6dffff71ffff75ffff79ffff7dffff81" +
            "ffff85ffff89ffff8dffff91ffff95ffff99ffff9dffffa0ffffa4ffffa8ffffacffffb0ffffb4ffffb8ffffbcffffc0" +
            "ffffc4ffffc8ffffccffffd0ffffd4ffffd8ffffdcffffdfffffe3ffffe7ffffebffffeffffff3fffff7fffffbffffff",
        "jet":
            "00008000008400008900008d00009200009600009b00009f0000a40000a80000ad0000b20000b60000bb0000bf0000c4" +
            "0000c80000cd0000d10000d60000da0000df0000e30000e80000ed0000f10000f60000fa0000ff0000ff0000ff0000ff" +
            "0000ff0004ff0008ff000cff0010ff0014ff0018ff001cff0020ff0024ff0028ff002cff0030ff0034ff0038ff003cff" +
            "0040ff0044ff0048ff004cff0050ff0054ff0058ff005cff0060ff0064ff0068ff006cff0070ff0074ff0078ff007cff" +
            "0080ff0084ff0088ff008cff0090ff0094ff0098ff009cff00a0ff00a4ff00a8ff00acff00b0ff00b4ff00b8ff00bcff" +
            "00c0ff00c4ff00c8ff00ccff00d0ff00d4ff00d8ff00dcfe00e0fb00e4f802e8f406ecf109f0ee0cf4eb0ff8e713fce4" +
            "16ffe119ffde1cffdb1fffd723ffd426ffd129ffce2cffca30ffc733ffc436ffc139ffbe3cffba40ffb743ffb446ffb1" +
            "49ffad4dffaa50ffa753ffa456ffa05aff9d5dff9a60ff9763ff9466ff906aff8d6dff8a70ff8773ff8377ff807aff7d" +
            "7dff7a80ff7783ff7387ff708aff6d8dff6a90ff6694ff6397ff609aff5d9dff5aa0ff56a4ff53a7ff50aaff4dadff49" +
            "b1ff46b4ff43b7ff40baff3cbeff39c1ff36c4ff33c7ff30caff2cceff29d1ff26d4ff23d7ff1fdbff1cdeff19e1ff16" +
            "e4ff13e7ff0febff0ceeff09f1fc06f4f802f8f500fbf100feed00ffea00ffe600ffe200ffde00ffdb00ffd700ffd300" +
            "ffd000ffcc00ffc800ffc400ffc100ffbd00ffb900ffb600ffb200ffae00ffab00ffa700ffa300ff9f00ff9c00ff9800" +
            "ff9400ff9100ff8d00ff8900ff8600ff8200ff7e00ff7a00ff7700ff7300ff6f00ff6c00ff6800ff6400ff6000ff5d00" +
            "ff5900ff5500ff5200ff4e00ff4a00ff4700ff4300ff3f00ff3b00ff3800ff3400ff3000ff2d00ff2900ff2500ff2200" +
            "ff1e00ff1a00ff1600ff1300fa0f00f60b00f10800ed0400e80000e40000df0000da0000d60000d10000cd0000c80000" +
            "c40000bf0000bb0000b60000b20000ad0000a80000a400009f00009b00009600009200008d0000890000840000800000",
        "YlOrRd":
            "ffffccfffecbfffec9fffdc8fffdc6fffcc5fffcc4fffbc2fffac1fffac0fff9befff9bdfff8bbfff8bafff7b9fff7b7" +
            "fff6b6fff5b5fff5b3fff4b2fff4b0fff3affff3aefff2acfff1abfff1a9fff0a8fff0a7ffefa5ffefa4ffeea3ffeda1" +
            "ffeda0ffec9fffec9dffeb9cffea9bffea99ffe998ffe997ffe895ffe794ffe793ffe691ffe590ffe58fffe48dffe48c" +
            "fee38bfee289fee288fee187fee085fee084fedf83fede82fede80fedd7ffedd7efedc7cfedb7bfedb7afeda78fed977" +
            "fed976fed774fed673fed572fed470fed36ffed16efed06cfecf6bfece6afecc68fecb67feca66fec965fec863fec662" +
            "fec561fec45ffec35efec15dfec05bfebf5afebe59febd57febb56feba55feb953feb852feb651feb54ffeb44efeb34d" +
            "feb24cfeb04bfeaf4bfeae4afead4afeac49feab49fea948fea848fea747fea647fea546fea446fea245fea145fea044" +
            "fd9f44fd9e43fd9d43fd9c42fd9a42fd9941fd9841fd9740fd9640fd953ffd933ffd923efd913efd903dfd8f3dfd8e3c" +
            "fd8c3cfd8a3bfd883bfd863afd8439fd8239fd8038fd7e38fd7c37fd7a37fd7836fd7636fd7435fd7234fd7034fd6e33" +
            "fc6c33fc6a32fc6832fc6631fc6430fc6330fc612ffc5f2ffc5d2efc5b2efc592dfc572cfc552cfc532bfc512bfc4f2a" +
            "fc4d2afb4b29fa4a29f94828f84628f84528f74327f64227f54026f43e26f43d25f33b25f23924f13824f13624f03523" +
            "ef3323ee3122ed3022ed2e21ec2c21eb2b21ea2920e92720e9261fe8241fe7231ee6211ee61f1de51e1de41c1de31a1c" +
            "e2191ce1191de0181ddf171ddd161ddc151edb141eda141ed9131fd7121fd6111fd51020d41020d30f20d10e21d00d21" +
            "cf0c21ce0c22cd0b22cb0a22ca0923c90823c80723c70723c50624c40524c30424c20325c10325c00225be0126bd0026" +
            "bb0026b90026b70026b60026b40026b20026b00026ae0026ac0026aa0026a80026a60026a40026a20026a100269f0026" +
            "9d00269b00269900269700269500269300269100268f00268d00268b00268a0026880026860026840026820026800026",
        "RdYlBu":
            "a50026a70226a90426ab0626ad0826af0926b10b26b30d26b50f26b71126b91326bb1526bd1726be1827c01a27c21c27" +
            "c41e27c62027c82227ca2427cc2627ce2827d02927d22b27d42d27d62f27d83128d93429da362adb382bdc3b2cdd3d2d" +
            "de402ee0422fe14430e24731e34933e44c34e54e35e65036e75337e95538ea5739eb5a3aec5c3bed5f3cee613eef633f" +
            "f16640f26841f36b42f46d43f47044f57245f57547f57748f67a49f67c4af67f4bf7814cf7844ef8864ff88950f88c51" +
            "f98e52f99153f99355fa9656fa9857fa9b58fb9d59fba05bfba35cfca55dfca85efcaa5ffdad60fdaf62fdb164fdb366" +
            "fdb567fdb769fdb96bfdbb6dfdbd6ffdbf71fdc173fdc374fdc576fdc778fec87afeca7cfecc7efece7ffed081fed283" +
            "fed485fed687fed889feda8afedc8cfede8efee090fee192fee294fee496fee597fee699fee79bfee99dfeea9ffeeba1" +
            "feeca2feeda4feefa6fff0a8fff1aafff2acfff3adfff5affff6b1fff7b3fff8b5fffab7fffbb9fffcbafffdbcfffebe" +
            "feffc0fdfec2fcfec5fbfdc7fafdc9f8fccbf7fccef6fbd0f5fbd2f3fbd4f2fad6f1fad9f0f9dbeff9ddedf8dfecf8e2" +
            "ebf7e4eaf7e6e9f6e8e7f6ebe6f5ede5f5efe4f4f1e2f4f4e1f3f6e0f3f8def2f7dcf1f7daf0f6d8eff6d6eef5d4edf4" +
            "d1ecf4cfebf3cdeaf3cbe9f2c9e8f2c7e7f1c5e6f0c3e5f0c1e4efbfe3efbde2eebbe1edb9e0edb6dfecb4deecb2ddeb" +
            "b0dceaaedbeaacdae9aad8e9a8d6e8a6d5e7a3d3e6a1d1e59fd0e49dcee39bcce299cae197c9e094c7df92c5de90c3dd" +
            "8ec2dc8cc0db8abeda87bdd985bbd983b9d881b7d77fb6d67db4d57ab2d478b0d376afd274add172abd070a9cf6ea6ce" +
            "6da4cc6ba2cb69a0ca679ec9659bc86399c76297c66095c45e93c35c90c25a8ec1588cc0578abf5588be5385bd5183bb" +
            "4f81ba4d7fb94b7db84a7ab74878b64676b54574b34471b2436fb1426cb0416aaf4167ad4065ac3f62ab3e60aa3e5ea8" +
            "3d5ba73c59a63b56a53a54a43a51a2394fa1384ca0374a9f36479e36459c35429b34409a333d99333b97323896313695",
        "Spectral":
            "9e0142a00343a20643a40844a70b44a90d45ab0f45ad1246af1446b11747b41947b61b48b81e48ba2049bc2249be254a" +
            "c1274ac32a4bc52c4bc72e4cc9314ccb334dcd364dd0384ed23a4ed43d4fd63f4fd7414ed8434ed9444dda464ddc484c" +
            "dd4a4cde4c4bdf4e4be1504be2514ae3534ae45549e55749e75948e85b48e95c47ea5e47eb6046ed6246ee6445ef6645" +
            "f06744f26944f36b43f46d43f47044f57245f57547f57748f67a49f67c4af67f4bf7814cf7844ef8864ff88950f88c51" +
            "f98e52f99153f99355fa9656fa9857fa9b58fb9d59fba05bfba35cfca55dfca85efcaa5ffdad60fdaf62fdb163fdb365" +
            "fdb567fdb768fdb96afdbb6cfdbd6dfdbf6ffdc171fdc372fdc574fdc776fec877feca79fecc7bfece7cfed07efed27f" +
            "fed481fed683fed884feda86fedc88fede89fee08bfee18dfee28ffee491fee593fee695fee797fee999feea9bfeeb9d" +
            "feec9ffeeda1feefa3fff0a6fff1a8fff2aafff3acfff5aefff6b0fff7b2fff8b4fffab6fffbb8fffcbafffdbcfffebe" +
            "ffffbefefebdfdfebbfcfebafbfdb8fafdb7f9fcb5f8fcb4f7fcb2f6fbb0f5fbaff4faadf3faacf2faaaf1f9a9f0f9a7" +
            "eff9a6eef8a4edf8a3ecf7a1ebf7a0eaf79ee9f69de8f69be7f59ae6f598e4f498e1f399dff299ddf19adaf09ad8ef9b" +
            "d6ee9bd3ed9cd1ed9ccfec9dcdeb9dcaea9ec8e99ec6e89fc3e79fc1e6a0bfe5a0bce4a0bae3a1b8e2a1b5e1a2b3e0a2" +
            "b1dfa3aedea3acdda4aadca4a7dba4a4daa4a2d9a49fd8a49cd7a499d6a497d5a494d4a491d3a48fd2a48cd1a489d0a4" +
            "86cfa584cea581cda57ecca57ccaa579c9a576c8a574c7a571c6a56ec5a56bc4a569c3a566c2a564c0a662bda760bba8" +
            "5eb9a95cb7aa5ab4ab58b2ac56b0ad54aead52abae50a9af4ea7b04ba4b149a2b247a0b3459eb4439bb54199b63f97b7" +
            "3d95b83b92b93990ba378ebb358bbc3389bd3387bc3585bb3682ba3880b93a7eb83b7cb73d79b63f77b54175b44273b3" +
            "4471b2466eb1486cb0496aaf4b68ae4d65ad4e63ac5061aa525fa9545ca8555aa75758a65956a55b53a45c51a35e4fa2",
        "bwr":
            "0000ff0202ff0404ff0606ff0808ff0a0aff0c0cff0e0eff1010ff1212ff1414ff1616ff1818ff1a1aff1c1cff1e1eff" +
            "2020ff2222ff2424ff2626ff2828ff2a2aff2c2cff2e2eff3030ff3232ff3434ff3636ff3838ff3a3aff3c3cff3e3eff" +
            "4040ff4242ff4444ff4646ff4848ff4a4aff4c4cff4e4eff5050ff5252ff5454ff5656ff5858ff5a5aff5c5cff5e5eff" +
            "6060ff6262ff6464ff6666ff6868ff6a6aff6c6cff6e6eff7070ff7272ff7474ff7676ff7878ff7a7aff7c7cff7e7eff" +
            "8080ff8282ff8484ff8686ff8888ff8a8aff8c8cff8e8eff9090ff9292ff9494ff9696ff9898ff9a9aff9c9cff9e9eff" +
            "a0a0ffa2a2ffa4a4ffa6a6ffa8a8ffaaaaffacacffaeaeffb0b0ffb2b2ffb4b4ffb6b6ffb8b8ffbabaffbcbcffbebeff" +
            "c0c0ffc2c2ffc4c4ffc6c6ffc8c8ffcacaffccccffceceffd0d0ffd2d2ffd4d4ffd6d6ffd8d8ffdadaffdcdcffdedeff" +
            "e0e0ffe2e2ffe4e4ffe6e6ffe8e8ffeaeaffececffeeeefff0f0fff2f2fff4f4fff6f6fff8f8fffafafffcfcfffefeff" +
            "fffefefffcfcfffafafff8f8fff6f6fff4f4fff2f2fff0f0ffeeeeffececffeaeaffe8e8ffe6e6ffe4e4ffe2e2ffe0e0" +
            "ffdedeffdcdcffdadaffd8d8ffd6d6ffd4d4ffd2d2ffd0d0ffceceffccccffcacaffc8c8ffc6c6ffc4c4ffc2c2ffc0c0" +
            "ffbebeffbcbcffbabaffb8b8ffb6b6ffb4b4ffb2b2ffb0b0ffaeaeffacacffaaaaffa8a8ffa6a6ffa4a4ffa2a2ffa0a0" +
            "ff9e9eff9c9cff9a9aff9898ff9696ff9494ff9292ff9090ff8e8eff8c8cff8a8aff8888ff8686ff8484ff8282ff8080" +
            "ff7e7eff7c7cff7a7aff7878ff7676ff7474ff7272ff7070ff6e6eff6c6cff6a6aff6868ff6666ff6464ff6262ff6060" +
            "ff5e5eff5c5cff5a5aff5858ff5656ff5454ff5252ff5050ff4e4eff4c4cff4a4aff4848ff4646ff4444ff4242ff4040" +
            "ff3e3eff3c3cff3a3aff3838ff3636ff3434ff3232ff3030ff2e2eff2c2cff2a2aff2828ff2626ff2424ff2222ff2020" +
            "ff1e1eff1c1cff1a1aff1818ff1616ff1414ff1212ff1010ff0e0eff0c0cff0a0aff0808ff0606ff0404ff0202ff0000",
        "seismic":
            "00004c00004f00005200005500005800005a00005d00006000006300006600006800006b00006e000071000074000076" +
            "00007900007c00007f00008200008400008700008a00008d00009000009200009500009800009b00009e0000a00000a3" +
            "0000a60000a90000ac0000ae0000b10000b40000b70000ba0000bc0000bf0000c20000c50000c80000ca0000cd0000d0" +
            "0000d30000d60000d80000db0000de0000e10000e40000e60000e90000ec0000ef0000f20000f40000f70000fa0000fd" +
            "0101ff0505ff0909ff0d0dff1111ff1515ff1919ff1d1dff2121ff2525ff2929ff2d2dff3131ff3535ff3939ff3d3dff" +
            "4141ff4545ff4949ff4d4dff5151ff5555ff5959ff5d5dff6161ff6565ff6969ff6d6dff7171ff7575ff7979ff7d7dff" +
            "8181ff8585ff8989ff8d8dff9191ff9595ff9999ff9d9dffa1a1ffa5a5ffa9a9ffadadffb1b1ffb5b5ffb9b9ffbdbdff" +
            "c1c1ffc5c5ffc9c9ffcdcdffd1d1ffd5d5ffd9d9ffddddffe1e1ffe5e5ffe9e9ffededfff1f1fff5f5fff9f9fffdfdff" +
            "fffdfdfff9f9fff5f5fff1f1ffededffe9e9ffe5e5ffe1e1ffddddffd9d9ffd5d5ffd1d1ffcdcdffc9c9ffc5c5ffc1c1" +
            "ffbdbdffb9b9ffb5b5ffb1b1ffadadffa9a9ffa5a5ffa1a1ff9d9dff9999ff9595ff9191ff8d8dff8989ff8585ff8181" +
            "ff7d7dff7979ff7575ff7171ff6d6dff6969ff6565ff6161ff5d5dff5959ff5555ff5151ff4d4dff4949ff4545ff4141" +
            "ff3d3dff3939ff3535ff3131ff2d2dff2929ff2525ff2121ff1d1dff1919ff1515ff1111ff0d0dff0909ff0505ff0101" +
            "fe0000fc0000fa0000f80000f60000f40000f20000f00000ee0000ec0000ea0000e80000e60000e30000e20000e00000" +
            "de0000dc0000da0000d80000d60000d30000d20000d00000ce0000cc0000ca0000c80000c60000c30000c20000c00000" +
            "be0000bc0000ba0000b80000b60000b30000b20000b00000ae0000ac0000aa0000a80000a60000a30000a20000a00000" +
            "9e00009c00009a00009800009600009300009200009000008e00008c00008a0000880000860000840000820000800000",
        "binary":
            "fffffffefefefdfdfdfcfcfcfbfbfbfafafaf9f9f9f8f8f8f7f7f7f6f6f6f5f5f5f4f4f4f3f3f3f2f2f2f1f1f1f0f0f0" +
            "efefefeeeeeeedededecececebebebeaeaeae9e9e9e8e8e8e7e7e7e6e6e6e5e5e5e4e4e4e3e3e3e2e2e2e1e1e1e0e0e0" +
            "dfdfdfdedededddddddcdcdcdbdbdbdadadad9d9d9d8d8d8d7d7d7d6d6d6d5d5d5d4d4d4d3d3d3d2d2d2d1d1d1d0d0d0" +
            "cfcfcfcecececdcdcdcccccccbcbcbcacacac9c9c9c8c8c8c7c7c7c6c6c6c5c5c5c4c4c4c3c3c3c2c2c2c1c1c1c0c0c0" +
            "bfbfbfbebebebdbdbdbcbcbcbbbbbbbababab9b9b9b8b8b8b7b7b7b6b6b6b5b5b5b4b4b4b3b3b3b2b2b2b1b1b1b0b0b0" +
            "afafafaeaeaeadadadacacacabababaaaaaaa9a9a9a8a8a8a7a7a7a6a6a6a5a5a5a4a4a4a3a3a3a2a2a2a1a1a1a0a0a0" +
            "9f9f9f9e9e9e9d9d9d9c9c9c9b9b9b9a9a9a999999989898979797969696959595949494939393929292919191909090" +
            "8f8f8f8e8e8e8d8d8d8c8c8c8b8b8b8a8a8a898989888888878787868686858585848484838383828282818181808080" +
            "7f7f7f7e7e7e7d7d7d7c7c7c7b7b7b7a7a7a797979787878777777767676757575747474737373727272717171707070" +
            "6f6f6f6e6e6e6d6d6d6c6c6c6b6b6b6a6a6a696969686868676767666666656565646464636363626262616161606060" +
            "5f5f5f5e5e5e5d5d5d5c5c5c5b5b5b5a5a5a595959585858575757565656555555545454535353525252515151505050" +
            "4f4f4f4e4e4e4d4d4d4c4c4c4b4b4b4a4a4a494949484848474747464646454545444444434343424242414141404040" +
            "3f3f3f3e3e3e3d3d3d3c3c3c3b3b3b3a3a3a393939383838373737363636353535343434333333323232313131303030" +
            "2f2f2f2e2e2e2d2d2d2c2c2c2b2b2b2a2a2a292929282828272727262626252525242424232323222222212121202020" +
            "1f1f1f1e1e1e1d1d1d1c1c1c1b1b1b1a1a1a191919181818171717161616151515141414131313121212111111101010" +
            "0f0f0f0e0e0e0d0d0d0c0c0c0b0b0b0a0a0a090909080808070707060606050505040404030303020202010101000000",
        "cool":
            "00ffff01feff02fdff03fcff04fbff05faff06f9ff07f8ff08f7ff09f6ff0af5ff0bf4ff0cf3ff0df2ff0ef1ff0ff0ff" +
            "10efff11eeff12edff13ecff14ebff15eaff16e9ff17e8ff18e7ff19e6ff1ae5ff1be4ff1ce3ff1de2ff1ee1ff1fe0ff" +
            "20dfff21deff22ddff23dcff24dbff25daff26d9ff27d8ff28d7ff29d6ff2ad5ff2bd4ff2cd3ff2dd2ff2ed1ff2fd0ff" +
            "30cfff31ceff32cdff33ccff34cbff35caff36c9ff37c8ff38c7ff39c6ff3ac5ff3bc4ff3cc3ff3dc2ff3ec1ff3fc0ff" +
            "40bfff41beff42bdff43bcff44bbff45baff46b9ff47b8ff48b7ff49b6ff4ab5ff4bb4ff4cb3ff4db2ff4eb1ff4fb0ff" +
            "50afff51aeff52adff53acff54abff55aaff56a9ff57a8ff58a7ff59a6ff5aa5ff5ba4ff5ca3ff5da2ff5ea1ff5fa0ff" +
            "609fff619eff629dff639cff649bff659aff6699ff6798ff6897ff6996ff6a95ff6b94ff6c93ff6d92ff6e91ff6f90ff" +
            "708fff718eff728dff738cff748bff758aff7689ff7788ff7887ff7986ff7a85ff7b84ff7c83ff7d82ff7e81ff7f80ff" +
            "807fff817eff827dff837cff847bff857aff8679ff8778ff8877ff8976ff8a75ff8b74ff8c73ff8d72ff8e71ff8f70ff" +
            "906fff916eff926dff936cff946bff956aff9669ff9768ff9867ff9966ff9a65ff9b64ff9c63ff9d62ff9e61ff9f60ff" +
            "a05fffa15effa25dffa35cffa45bffa55affa659ffa758ffa857ffa956ffaa55ffab54ffac53ffad52ffae51ffaf50ff" +
            "b04fffb14effb24dffb34cffb44bffb54affb649ffb748ffb847ffb946ffba45ffbb44ffbc43ffbd42ffbe41ffbf40ff" +
            "c03fffc13effc23dffc33cffc43bffc53affc639ffc738ffc837ffc936ffca35ffcb34ffcc33ffcd32ffce31ffcf30ff" +
            "d02fffd12effd22dffd32cffd42bffd52affd629ffd728ffd827ffd926ffda25ffdb24ffdc23ffdd22ffde21ffdf20ff" +
            "e01fffe11effe21dffe31cffe41bffe51affe619ffe718ffe817ffe916ffea15ffeb14ffec13ffed12ffee11ffef10ff" +
            "f00ffff10efff20dfff30cfff40bfff50afff609fff708fff807fff906fffa05fffb04fffc03fffd02fffe01ffff00ff",
        "spring":
            "ff00ffff01feff02fdff03fcff04fbff05faff06f9ff07f8ff08f7ff09f6ff0af5ff0bf4ff0cf3ff0df2ff0ef1ff0ff0" +
            "ff10efff11eeff12edff13ecff14ebff15eaff16e9ff17e8ff18e7ff19e6ff1ae5ff1be4ff1ce3ff1de2ff1ee1ff1fe0" +
            "ff20dfff21deff22ddff23dcff24dbff25daff26d9ff27d8ff28d7ff29d6ff2ad5ff2bd4ff2cd3ff2dd2ff2ed1ff2fd0" +
            "ff30cfff31ceff32cdff33ccff34cbff35caff36c9ff37c8ff38c7ff39c6ff3ac5ff3bc4ff3cc3ff3dc2ff3ec1ff3fc0" +
            "ff40bfff41beff42bdff43bcff44bbff45baff46b9ff47b8ff48b7ff49b6ff4ab5ff4bb4ff4cb3ff4db2ff4eb1ff4fb0" +
            "ff50afff51aeff52adff53acff54abff55aaff56a9ff57a8ff58a7ff59a6ff5aa5ff5ba4ff5ca3ff5da2ff5ea1ff5fa0" +
            "ff609fff619eff629dff639cff649bff659aff6699ff6798ff6897ff6996ff6a95ff6b94ff6c93ff6d92ff6e91ff6f90" +
            "ff708fff718eff728dff738cff748bff758aff7689ff7788ff7887ff7986ff7a85ff7b84ff7c83ff7d82ff7e81ff7f80" +
            "ff807fff817eff827dff837cff847bff857aff8679ff8778ff8877ff8976ff8a75ff8b74ff8c73ff8d72ff8e71ff8f70" +
            "ff906fff916eff926dff936cff946bff956aff9669ff9768ff9867ff9966ff9a65ff9b64ff9c63ff9d62ff9e61ff9f60" +
            "ffa05fffa15effa25dffa35cffa45bffa55affa659ffa758ffa857ffa956ffaa55ffab54ffac53ffad52ffae51ffaf50" +
            "ffb04fffb14effb24dffb34cffb44bffb54affb649ffb748ffb847ffb946ffba45ffbb44ffbc43ffbd42ffbe41ffbf40" +
            "ffc03fffc13effc23dffc33cffc43bffc53affc639ffc738ffc837ffc936ffca35ffcb34ffcc33ffcd32ffce31ffcf30" +
            "ffd02fffd12effd22dffd32cffd42bffd52affd629ffd728ffd827ffd926ffda25ffdb24ffdc23ffdd22ffde21ffdf20" +
            "ffe01fffe11effe21dffe31cffe41bffe51affe619ffe718ffe817ffe916ffea15ffeb14ffec13ffed12ffee11ffef10" +
            "fff00ffff10efff20dfff30cfff40bfff50afff609fff708fff807fff906fffa05fffb04fffc03fffd02fffe01ffff00",
        "summer":
            "0080660180660280660381660482660582660682660783660884660984660a84660b85660c86660d86660e86660f8766" +
            "108866118866128866138966148a66158a66168a66178b66188c66198c661a8c661b8d661c8e661d8e661e8e661f8f66" +
            "2090662190662290662391662492662592662692662793662893662994662a94662b95662c96662d96662e96662f9766" +
            "309866319866329866339966349a66359a66369a66379b66389c66399c663a9c663b9d663c9e663d9e663e9e663f9f66" +
            "40a06641a06642a06643a16644a26645a26646a26647a36648a36649a4664aa4664ba5664ca6664da6664ea6664fa766" +
            "50a86651a86652a86653a96654aa6655aa6656ab6657ab6658ac6659ac665aac665bad665cae665dae665eae665faf66" +
            "60b06661b06662b06663b16664b26665b26666b26667b36668b36669b4666ab4666bb5666cb6666db6666eb6666fb766" +
            "70b86671b86672b86673b96674ba6675ba6676bb6677bb6678bc6679bc667abc667bbd667cbe667dbe667ebe667fbf66" +
            "80c06681c06682c06683c16684c26685c26686c26687c36688c36689c4668ac4668bc5668cc6668dc6668ec6668fc766" +
            "90c86691c86692c86693c96694ca6695ca6696cb6697cb6698cc6699cc669acc669bcd669cce669dce669ece669fcf66" +
            "a0d066a1d066a2d066a3d166a4d266a5d266a6d266a7d366a8d366a9d466aad466abd566acd666add666aed666afd766" +
            "b0d866b1d866b2d866b3d966b4da66b5da66b6db66b7db66b8dc66b9dc66badc66bbdd66bcde66bdde66bede66bfdf66" +
            "c0e066c1e066c2e066c3e166c4e266c5e266c6e266c7e366c8e366c9e466cae466cbe566cce666cde666cee666cfe766" +
            "d0e866d1e866d2e866d3e966d4ea66d5ea66d6eb66d7eb66d8ec66d9ec66daec66dbed66dcee66ddee66deee66dfef66" +
            "e0f066e1f066e2f066e3f166e4f266e5f266e6f266e7f366e8f366e9f466eaf466ebf566ecf666edf666eef666eff766" +
            "f0f866f1f866f2f866f3f966f4fa66f5fa66f6fb66f7fb66f8fc66f9fc66fafc66fbfd66fcfe66fdfe66fefe66ffff66",
        "autumn":
            "ff0000ff0100ff0200ff0300ff0400ff0500ff0600ff0700ff0800ff0900ff0a00ff0b00ff0c00ff0d00ff0e00ff0f00" +
            "ff1000ff1100ff1200ff1300ff1400ff1500ff1600ff1700ff1800ff1900ff1a00ff1b00ff1c00ff1d00ff1e00ff1f00" +
            "ff2000ff2100ff2200ff2300ff2400ff2500ff2600ff2700ff2800ff2900ff2a00ff2b00ff2c00ff2d00ff2e00ff2f00" +
            "ff3000ff3100ff3200ff3300ff3400ff3500ff3600ff3700ff3800ff3900ff3a00ff3b00ff3c00ff3d00ff3e00ff3f00" +
            "ff4000ff4100ff4200ff4300ff4400ff4500ff4600ff4700ff4800ff4900ff4a00ff4b00ff4c00ff4d00ff4e00ff4f00" +
            "ff5000ff5100ff5200ff5300ff5400ff5500ff5600ff5700ff5800ff5900ff5a00ff5b00ff5c00ff5d00ff5e00ff5f00" +
            "ff6000ff6100ff6200ff6300ff6400ff6500ff6600ff6700ff6800ff6900ff6a00ff6b00ff6c00ff6d00ff6e00ff6f00" +
            "ff7000ff7100ff7200ff7300ff7400ff7500ff7600ff7700ff7800ff7900ff7a00ff7b00ff7c00ff7d00ff7e00ff7f00" +
            "ff8000ff8100ff8200ff8300ff8400ff8500ff8600ff8700ff8800ff8900ff8a00ff8b00ff8c00ff8d00ff8e00ff8f00" +
            "ff9000ff9100ff9200ff9300ff9400ff9500ff9600ff9700ff9800ff9900ff9a00ff9b00ff9c00ff9d00ff9e00ff9f00" +
            "ffa000ffa100ffa200ffa300ffa400ffa500ffa600ffa700ffa800ffa900ffaa00ffab00ffac00ffad00ffae00ffaf00" +
            "ffb000ffb100ffb200ffb300ffb400ffb500ffb600ffb700ffb800ffb900ffba00ffbb00ffbc00ffbd00ffbe00ffbf00" +
            "ffc000ffc100ffc200ffc300ffc400ffc500ffc600ffc700ffc800ffc900ffca00ffcb00ffcc00ffcd00ffce00ffcf00" +
            "ffd000ffd100ffd200ffd300ffd400ffd500ffd600ffd700ffd800ffd900ffda00ffdb00ffdc00ffdd00ffde00ffdf00" +
            "ffe000ffe100ffe200ffe300ffe400ffe500ffe600ffe700ffe800ffe900ffea00ffeb00ffec00ffed00ffee00ffef00" +
            "fff000fff100fff200fff300fff400fff500fff600fff700fff800fff900fffa00fffb00fffc00fffd00fffe00ffff00",
        "winter":
            "0000ff0001fe0002fe0003fe0004fd0005fc0006fc0007fc0008fb0009fa000afa000bfa000cf9000df8000ef8000ff8" +
            "0010f70011f60012f60013f60014f50015f40016f40017f40018f30019f2001af2001bf2001cf1001df0001ef0001ff0" +
            "0020ef0021ee0022ee0023ee0024ed0025ec0026ec0027ec0028eb0029eb002aea002bea002ce9002de8002ee8002fe8" +
            "0030e70031e60032e60033e60034e50035e40036e40037e30038e30039e2003ae2003be2003ce1003de0003ee0003fe0" +
            "0040df0041de0042de0043de0044dd0045dc0046dc0047dc0048db0049db004ada004bda004cd9004dd8004ed8004fd8" +
            "0050d70051d60052d60053d60054d50055d40056d40057d30058d30059d2005ad2005bd2005cd1005dd0005ed0005fd0" +
            "0060cf0061ce0062ce0063ce0064cd0065cc0066cc0067cc0068cb0069cb006aca006bca006cc9006dc8006ec8006fc8" +
            "0070c70071c60072c60073c60074c50075c40076c40077c30078c30079c2007ac2007bc2007cc1007dc0007ec0007fc0" +
            "0080bf0081be0082be0083be0084bd0085bc0086bc0087bc0088bb0089bb008aba008bba008cb9008db8008eb8008fb8" +
            "0090b70091b60092b60093b60094b50095b40096b40097b30098b30099b2009ab2009bb2009cb1009db0009eb0009fb0" +
            "00a0af00a1ae00a2ae00a3ae00a4ad00a5ac00a6ac00a7ac00a8ab00a9ab00aaaa00abaa00aca900ada800aea800afa8" +
            "00b0a700b1a600b2a600b3a600b4a500b5a400b6a400b7a300b8a300b9a200baa200bba200bca100bda000bea000bfa0" +
            "00c09f00c19e00c29e00c39e00c49d00c59c00c69c00c79c00c89b00c99b00ca9a00cb9a00cc9900cd9800ce9800cf98" +
            "00d09700d19600d29600d39600d49500d59400d69400d79300d89300d99200da9200db9200dc9100dd9000de9000df90" +
            "00e08f00e18e00e28e00e38e00e48d00e58c00e68c00e78c00e88b00e98b00ea8a00eb8a00ec8900ed8800ee8800ef88" +
            "00f08700f18600f28600f38600f48500f58400f68400f78400f88300f98200fa8200fb8200fc8100fd8000fe8000ff80",
        "twilight":
            "e2d9e2e1d9e2e0d9e2ded9e1ddd9e0dcd9dfdad8dfd8d8ded6d7ddd4d6dcd2d5dbd0d4d9cdd3d8cbd2d7c8d0d6c5cfd5" +
            "c2ced4bfccd3bccbd1b9c9d0b6c8cfb3c6ceb0c5cdadc3cdaac2cca7c0cba4becaa1bdc99ebbc99cb9c899b8c896b6c7" +
            "93b4c692b3c68eb1c58cafc589adc588acc485a9c482a7c380a5c37fa5c37ca2c27aa0c2789ec2779dc2759ac17398c1" +
            "7196c17195c06e92c06d90c06c8ebf6b8dbf698abf6888be6786be6785be6682bd657fbd647dbc647cbc6379bb6277bb" +
            "6275ba6172ba6171b9606eb8606cb86069b76067b65f65b55f62b45f60b45f5fb35f5bb25f59b15f57b05e54ae5e52ad" +
            "5e4fac5e4dab5e4caa5e48a85e46a65e43a55d41a35d3ea15d3ca05d3a9e5c389d5c359a5b32985b30955a2e935a2b90" +
            "59298e58278b58268a572385562182551f7f531e7c521c79511a754f19724f19704c176b4b166849156447146146145e" +
            "44135a4212574112563f12513d114e3c114b3a114939114637114436114236114134113e33113c32123a311339301437" +
            "3014373113373312373412383412383611393811393a113a3b113b3d113c3f123d41123d43123e4612404813414a1342" +
            "4d14434f14445215455415465615465916485c17495f174a61184b64194b67194c691a4d6c1b4e6f1c4e711d4f741e4f" +
            "761f4f7920507b21507e22507f23508325508526508727508a29508c2a508e2c50902e50922f50943150963350983550" +
            "9a37509c39509e3b50a03d50a03e50a34150a54350a64550a84750a94950ab4b50ac4d51ae5051af5251b15452b25652" +
            "b35953b55b53b65d54b75f55b86155b96456ba6657bb6958bc6b59bd6e5abe705bbf725dc0755ec1775fc27a61c27c63" +
            "c37f64c48166c58468c5866ac6876bc68b6ec78e71c89073c89275c99578c9977bca9a7dca9c80cb9f83cca186cca389" +
            "cda68ccda88fceab92cfad96cfae97d0b29cd1b4a0d1b6a3d2b8a7d3baaad4bdadd5bfb1d6c1b4d7c3b8d8c5bbd8c7be" +
            "d9c9c2dacbc5dbccc8dccecbdccfcdddd1d1ded3d3dfd4d6dfd5d8e0d6dae0d7dbe1d8dde1d8dfe2d9e0e2d9e1e2d9e2",
        "turbo":
            "30123b32154333184a341b51351e5836215f37246638276d392a733a2d793b2f803c32863d358b3e38913f3b973f3e9c" +
            "4040a24143a74146ac4249b1424bb5434eba4451bf4454c34456c74559cb455ccf455ed34661d64664da4666dd4669e0" +
            "466be3476ee64771e94773eb4776ee4778f0477bf2467df44680f64682f84685fa4687fb458afc458cfd448ffe4391fe" +
            "4294ff4196ff4099ff3e9bfe3d9efe3ba0fd3aa3fc38a5fb37a8fa35abf833adf731aff52fb2f42eb4f22cb7f02ab9ee" +
            "28bceb27bee925c0e723c3e422c5e220c7df1fc9dd1ecbda1ccdd81bd0d51ad2d21ad4d019d5cd18d7ca18d9c818dbc5" +
            "18ddc218dec018e0bd19e2bb19e3b91ae4b61ce6b41de7b21fe9af20eaac22ebaa25eca727eea42aefa12cf09e2ff19b" +
            "32f29835f39438f4913cf58e3ff68a43f78746f8844af8804ef97d52fa7a55fa7659fb735dfc6f61fc6c65fd6969fd66" +
            "6dfe6271fe5f75fe5c79fe597dff5680ff5384ff5188ff4e8bff4b8fff4992ff4796fe4499fe429cfe409ffd3fa1fd3d" +
            "a4fc3ca7fc3aa9fb39acfb38affa37b1f936b4f836b7f735b9f635bcf534bef434c1f334c3f134c6f034c8ef34cbed34" +
            "cdec34d0ea34d2e935d4e735d7e535d9e436dbe236dde037dfdf37e1dd37e3db38e5d938e7d739e9d539ebd339ecd13a" +
            "eecf3aefcd3af1cb3af2c93af4c73af5c53af6c33af7c13af8be39f9bc39faba39fbb838fbb637fcb336fcb136fdae35" +
            "fdac34fea933fea732fea431fea130fe9e2ffe9b2dfe992cfe962bfe932afe9029fd8d27fd8a26fc8725fc8423fb8122" +
            "fb7e21fa7b1ff9781ef9751df8721cf76f1af66c19f56918f46617f36315f26014f15d13f05b12ef5811ed5510ec530f" +
            "eb500eea4e0de84b0ce7490ce5470be4450ae2430ae14109df3f08dd3d08dc3b07da3907d83706d63506d43305d23105" +
            "d02f05ce2d04cc2b04ca2a04c82803c52603c32503c12302be2102bc2002b91e02b71d02b41b01b21a01af1801ac1701" +
            "a91601a71401a41301a112019e10019b0f01980e01950d01920b018e0a018b09028808028507028106027e05027a0403",
        "PiYG":
            "8e015290025492035594045797055999065a9b075c9d085e9f095fa10a61a40b63a60c65a80d66aa0e68ac0f6aae106b" +
            "b1116db3126fb51370b71472b91574bb1675bd1777c01879c2197ac41a7cc51d7ec62080c72482c82884c92b86ca2f88" +
            "cb3289cc368bcd3a8dce3d8fcf4191d04493d14895d24c97d34f99d4539bd5579dd65a9fd75ea1d861a2d965a4da69a6" +
            "db6ca8dc70aadd73acde77aedf79b0df7cb1e07eb3e181b5e283b7e286b8e388bae48bbce58dbee590bfe692c1e795c3" +
            "e897c4e89ac6e99cc8ea9fcaeba1cbeba3cdeca6cfeda8d1eeabd2eeadd4efb0d6f0b2d7f1b5d9f1b7daf2b8dbf2badc" +
            "f3bcddf3bddef4bfdff4c1dff5c2e0f5c4e1f5c6e2f6c7e3f6c9e3f7cbe4f7cce5f8cee6f8d0e7f9d1e8f9d3e8fad4e9" +
            "fad6eafbd8ebfbd9ecfcdbedfcddedfddeeefde0effde1effde2f0fce3f0fce4f0fce5f1fce5f1fbe6f1fbe7f2fbe8f2" +
            "fbe9f2faeaf2faebf3faecf3faedf3f9eef4f9eef4f9eff4f9f0f5f9f1f5f8f2f5f8f3f6f8f4f6f8f5f6f7f6f7f7f7f7" +
            "f7f7f6f6f7f5f5f7f3f5f7f2f4f7f0f3f7eff3f6edf2f6ecf1f6eaf1f6e8f0f6e7eff6e5eff6e4eef6e2edf6e1edf6df" +
            "ecf6deebf6dcebf6dbeaf5d9e9f5d8e9f5d6e8f5d5e7f5d3e7f5d2e6f5d0e4f4cde2f3cae1f3c7dff2c4ddf1c1dbf0bf" +
            "d9f0bcd8efb9d6eeb6d4edb3d2ecb0d0ecadcfebaacdeaa7cbe9a4c9e8a2c7e89fc6e79cc4e699c2e596c0e593bee490" +
            "bde38dbbe28ab9e187b7e085b5df82b2dd7fb0dc7daeda7aacd977a9d874a7d672a5d56fa3d36ca1d26a9ed0679ccf64" +
            "9acd6198cc5f95cb5c93c95991c8578fc6548cc5518ac34f88c24c86c04983bf4681bd447fbc417dba407bb93e79b73d" +
            "77b53c75b43b73b23971b0386faf376dad366bac3469aa3367a83266a73164a52f62a32e60a22d5ea02c5c9e2a5a9d29" +
            "589b285699275498255296245094234e93224c91214b8f21498d20488c20468a2045881f43861f42841f40831e3f811e" +
            "3d7f1e3c7d1d3a7b1d397a1d37781c36761c34741c33721c31711b306f1b2e6d1b2d6b1a2b691a2a681a286619276419",
        "PuOr":
            "7f3b08813c08833d08853e088740088941088b42088d43078f44079145079346079548079749079a4a079c4b079e4c07" +
            "a04d07a24e07a44f07a65107a85206aa5306ac5406ae5506b05606b25706b45906b65a07b75c07b95e08bb5f08bd6109" +
            "be630ac0640ac2660bc4680bc6690cc76b0cc96d0dcb6e0dcd700ece720fd0730fd27510d47610d57811d77a11d97b12" +
            "db7d12dc7f13de8013e08214e18417e2861ae3881de58a20e68d23e78f27e8912ae9932dea9530eb9733ed9936ee9b39" +
            "ef9e3cf0a03ff1a242f2a446f3a649f4a84cf6aa4ff7ac52f8ae55f9b158fab35bfbb55efcb761fdb965fdba68fdbc6b" +
            "fdbd6efdbf72fdc175fdc278fdc47bfdc57ffdc782fdc885fdca88fdcc8cfecd8ffecf92fed095fed299fed39cfed59f" +
            "fed7a2fed8a6fedaa9fedbacfeddaffedeb3fee0b6fee1b9fde2bbfde3befde4c0fde5c3fce5c5fce6c8fce7cafce8cd" +
            "fbe9cffbead2fbebd5faecd7faeddafaeedcfaeedff9efe1f9f0e4f9f1e6f9f2e9f8f3ecf8f4eef8f5f1f7f6f3f7f7f6" +
            "f6f6f7f5f5f6f4f4f6f3f3f5f2f2f5f0f1f4eff0f4eeeef3ededf3ebecf3eaebf2e9eaf2e8e9f1e7e8f1e5e7f0e4e5f0" +
            "e3e4efe2e3efe1e2eedfe1eedee0eddddfeddcddecdadcecd9dbebd8daebd7d8ead5d6e9d4d4e8d2d3e7d1d1e6cfcfe5" +
            "cecde4cccbe3cbc9e2c9c8e1c8c6e0c6c4dfc5c2dec3c0ddc2bedcc0bddbbfbbdabdb9d9bcb7d8bab5d7b9b3d6b7b1d5" +
            "b6b0d4b4aed3b3acd2b1aad1afa8d0ada6ceaba3cda9a1cba79fcaa59dc8a39bc7a198c59f96c49d94c29b92c19990bf" +
            "988dbe968bbc9489bb9287b99085b88e82b68c80b58a7eb3887cb2867ab08477af8275ad8073ac7e70ab7d6da97b6aa8" +
            "7967a67764a57661a4745ea2725ba170589f6f559e6d529c6b4f9b6a4c9a684998664697644395634094613d935f3a91" +
            "5d37905c348e5a318d582e8c572b8a5528895326875225845023824f22804d207d4c1f7b4a1d78491c76471a74451871" +
            "44176f42156c41146a3f12683e11653c0f633b0e61390c5e380b5c3609593508573306553205523003502f024d2d004b",
        "RdYlGn":
            "a50026a70226a90426ab0626ad0826af0926b10b26b30d26b50f26b71126b91326bb1526bd1726be1827c01a27c21c27" +
            "c41e27c62027c82227ca2427cc2627ce2827d02927d22b27d42d27d62f27d83128d93429da362adb382bdc3b2cdd3d2d" +
            "de402ee0422fe14430e24731e34933e44c34e54e35e65036e75337e95538ea5739eb5a3aec5c3bed5f3cee613eef633f" +
            "f16640f26841f36b42f46d43f47044f57245f57547f57748f67a49f67c4af67f4bf7814cf7844ef8864ff88950f88c51" +
            "f98e52f99153f99355fa9656fa9857fa9b58fb9d59fba05bfba35cfca55dfca85efcaa5ffdad60fdaf62fdb163fdb365" +
            "fdb567fdb768fdb96afdbb6cfdbd6dfdbf6ffdc171fdc372fdc574fdc776fec877feca79fecc7bfece7cfed07efed27f" +
            "fed481fed683fed884feda86fedc88fede89fee08bfee18dfee28ffee491fee593fee695fee797fee999feea9bfeeb9d" +
            "feec9ffeeda1feefa3fff0a6fff1a8fff2aafff3acfff5aefff6b0fff7b2fff8b4fffab6fffbb8fffcbafffdbcfffebe" +
            "feffbefdfebcfbfdbafafdb8f8fcb6f7fcb4f5fbb2f4fab0f2faaef1f9aceff8aaeef8a8ecf7a6ebf7a3e9f6a1e8f59f" +
            "e6f59de5f49be3f399e2f397e0f295dff293ddf191dcf08fdaf08dd9ef8bd7ee8ad5ed88d3ec87d1ec86cfeb85cdea83" +
            "cbe982c9e881c7e77fc5e67ec3e67dc1e57bbfe47abde379bbe278b9e176b7e075b5df74b3df72b1de71afdd70addc6f" +
            "abdb6da9da6ca7d96ba5d86aa2d76aa0d6699dd5699bd46998d36896d26893d16891d0688ecf678ccd6789cc6787cb67" +
            "84ca6682c9667fc8667dc7657ac66578c56575c46573c26470c1646ec0646bbf6469be6366bd6363bc6260ba625db961" +
            "5ab76057b65f54b45f51b35e4eb15d4bb05c48ae5c45ad5b42ac5a3faa593ca95939a75836a65733a45630a3562da155" +
            "2aa054279f53249d53219c521e9a511b995019975018954f17934e16914d15904c148e4b138c4a128a49118848108647" +
            "0f84460e82450d80440c7f430b7d420a7b4109794008773f07753e06733d05713c04703b036e3a026c39016a38006837",
    ]
}
