/// The player's own words (controls, labels, help) in the lesson's language. The explanation
/// text itself comes from the manifest, already in that language.
struct PlayerStrings {
    /// `en` or `zh`.
    let language: String
    private let table: [String: String]

    init(language: String) {
        self.language = language == "zh" ? "zh" : "en"
        table = self.language == "zh" ? PlayerStrings.chinese : PlayerStrings.english
    }

    /// The string for `key` (English when the lesson's language lacks it).
    subscript(_ key: String) -> String {
        table[key] ?? PlayerStrings.english[key] ?? key
    }

    /// The page's `lang` attribute.
    var htmlLanguage: String { language == "zh" ? "zh-Hans" : "en" }

    /// Every string, for the page's script.
    var all: [String: String] { PlayerStrings.english.merging(table) { _, own in own } }

    static let english: [String: String] = [
        "course": "Course", "first": "First step", "prev": "Previous step", "next": "Next step",
        "last": "Last step", "play": "Play", "pause": "Pause", "speed": "Speed", "section": "Section",
        "choose_section": "Jump to a section…", "no_frames": "(no steps)", "timeline": "Timeline: step",
        "source": "Source", "output": "Output", "no_output": "(nothing printed yet)", "explanation": "Explanation",
        "help": "Keyboard help", "close": "Close", "legend": "Legend", "no_legend": "This lesson has no legend.",
        "view_slide": "Whole slide", "view_graph": "Graph only", "view_label": "Show the whole slide or only the graph",
        "wide": "Wide picture", "wide_label": "Hide the source and output to give the picture the whole width", "k_wide": "wide picture (hide source and output)",
        "frame_label": "Step {i} of {n}", "line_n": "line {n}", "node_button": "{name}: show values",
        "released_node": "released", "chain_rule": "Chain rule", "into": "into {input}", "upstream": "upstream",
        "local": "local", "local_elementwise": "local (⊙)", "downstream": "gradient", "sum": "sum",
        "sections": "Sections", "error_in": "{type} in {node}", "printed": "printed",
        "summary_values": "{count} elements: min {min}, max {max}, mean {mean}, norm {norm}", "unknown": "unknown",
        "value": "value", "grad": ".grad", "arrived": "gradient arrived", "shape": "shape", "parameter": "parameter", "module": "module",
        "version": "version", "made_by": "made by", "kind": "kind", "kind_accumulate": "AccumulateGrad (adds into a leaf's .grad)",
        "kind_grad_fn": "grad_fn (a backward function)", "accumulates_into": "accumulates into", "saved": "saved",
        "saved_freed": "freed by backward (retain_graph=False)", "nothing": "nothing", "released_label": "released",
        "released_text": "freed after backward; shown faded", "not_in_step": "This node is not in the graph at this step.",
        "unnamed_tensor": "tensor (no name)", "also_named": "also named {names}", "jump_to": "Jump to section: {title}",
        "key": "Key", "action": "Action",
        "k_next": "next step", "k_prev": "previous step", "k_play": "play / pause", "k_ends": "first / last step",
        "k_sections": "next / previous section", "k_speed": "faster / slower", "k_view": "whole slide / graph only",
        "k_legend": "legend", "k_node": "focus a node in the picture, show its values", "k_close": "close the panel",
        "k_help": "this help", "key_space": "Space", "noscript": "The player needs JavaScript.",
        "steps_n": "{n} steps",
    ]
}
