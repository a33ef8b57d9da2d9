/// Small SVGs whose pixels the tests can predict.
enum TestSVGs {
    static let font = "DejaVu Sans, Noto Sans CJK SC, sans-serif"

    /// 200×100 user units: a red square on the left, a blue one on the right with white text
    /// "Hi" on it, a green bar along the bottom that leaves the corners white.
    static let rectAndText = """
    <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">
    <g id="node1"><title>left</title><rect x="0" y="0" width="100" height="80" fill="#ff0000"/></g>
    <g id="node2"><title>right</title><rect x="100" y="0" width="100" height="80" fill="#0000ff"/>
    <text x="150" y="55" text-anchor="middle" font-family="\(font)" font-size="40" fill="white">Hi</text></g>
    <rect x="20" y="85" width="160" height="10" fill="rgb(0,128,0)"/>
    </svg>
    """

    /// A 100×100 viewBox filled red: drawn into a wider picture, it must stay square and centred.
    static let redSquare = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="red"/></svg>
    """

    /// A frame-like picture with arrows, opacity, CSS and text in two scripts, numbered so frames differ.
    static func frame(_ n: Int) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180">
        <style>.hot rect { fill: #ffd27f }</style>
        <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto">\
        <path d="M0,0 L10,5 L0,10 z" fill="#555"/></marker></defs>
        <g id="n\(n)" class="\(n % 2 == 0 ? "hot" : "")"><title>MulBackward0</title>
        <rect x="20" y="20" width="140" height="40" rx="6" fill="#e8f0fe" stroke="#333"/>
        <text x="90" y="46" text-anchor="middle" font-family="\(font)" font-size="14">MulBackward0 #\(n)</text></g>
        <path d="M90,60 C90,100 230,80 230,120" fill="none" stroke="#555" stroke-width="2" marker-end="url(#arrow)" opacity="0.8"/>
        <text x="20" y="160" font-family="\(font)" font-size="16" fill="#a33">梯度 \(n) ∂L/∂x</text>
        </svg>
        """
    }
}
