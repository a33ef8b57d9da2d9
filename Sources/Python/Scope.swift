/// A compile-time scope: which names are local slots, declared global or nonlocal.
final class Scope {
    enum Kind {
        case module, function, classBody, comprehension
    }

    let kind: Kind
    let parent: Scope?
    /// The `__qualname__` prefix for functions and classes defined in this scope.
    let qualname: String
    var slots: [String: Int] = [:]
    var slotNames: [String] = []
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    /// Names bound anywhere in a class body (they live in the class namespace).
    var bound: Set<String> = []

    init(kind: Kind, parent: Scope?, qualname: String) {
        self.kind = kind
        self.parent = parent
        self.qualname = qualname
    }

    var isFunctionLike: Bool { kind == .function || kind == .comprehension }

    @discardableResult
    func addSlot(_ name: String) -> Int {
        if let s = slots[name] { return s }
        let s = slotNames.count
        slots[name] = s
        slotNames.append(name)
        return s
    }

    /// The nearest enclosing function-like scope that has `name` as a local, with its depth in
    /// frames (1 = the frame's parent); class scopes are skipped as Python does.
    func findFree(_ name: String) -> (depth: Int, slot: Int)? {
        var depth = 0
        var s = parent
        while let scope = s {
            switch scope.kind {
            case .module:
                return nil
            case .classBody:
                s = scope.parent
                continue
            case .function, .comprehension:
                depth += 1
                if scope.globals.contains(name) { return nil }
                if let slot = scope.slots[name] { return (depth, slot) }
                s = scope.parent
            }
        }
        return nil
    }
}

/// Collects the names a block binds (without entering nested functions and classes).
enum BindingCollector {
    static func collect(_ body: [Stmt], into scope: Scope) {
        var stack: [[Stmt]] = [body]
        var names: [String] = []
        while let stmts = stack.popLast() {
            for stmt in stmts {
                for e in YieldScan.expressions(of: stmt) { NamedExprScan.targets(in: e, &names) }
                switch stmt.kind {
                case .assign(let targets, _):
                    for t in targets { targetNames(t, &names) }
                case .augAssign(let t, _, _), .annAssign(let t, _, _):
                    if case .name(let n) = t.kind { names.append(n) }
                case .for(let target, _, let body, let orelse):
                    targetNames(target, &names)
                    stack.append(body)
                    stack.append(orelse)
                case .while(_, let body, let orelse):
                    stack.append(body)
                    stack.append(orelse)
                case .if(let branches, let orelse):
                    for b in branches { stack.append(b.body) }
                    stack.append(orelse)
                case .with(let items, let body):
                    for item in items { if let t = item.target { targetNames(t, &names) } }
                    stack.append(body)
                case .try(let body, let handlers, let orelse, let finalBody):
                    stack.append(body)
                    for h in handlers {
                        if let n = h.name { names.append(n) }
                        stack.append(h.body)
                    }
                    stack.append(orelse)
                    stack.append(finalBody)
                case .functionDef(let def):
                    names.append(def.name)
                case .classDef(let def):
                    names.append(def.name)
                case .import(let imports):
                    for i in imports {
                        names.append(i.alias ?? String(i.name.split(separator: ".").first!))
                    }
                case .importFrom(_, let imports):
                    for i in imports { names.append(i.alias ?? i.name) }
                case .delete(let targets):
                    for t in targets { targetNames(t, &names) }
                case .global(let ns):
                    scope.globals.formUnion(ns)
                case .nonlocal(let ns):
                    scope.nonlocals.formUnion(ns)
                default:
                    break
                }
            }
        }
        for n in names where !scope.globals.contains(n) && !scope.nonlocals.contains(n) {
            if scope.kind == .classBody {
                scope.bound.insert(n)
            } else if scope.kind != .module {
                scope.addSlot(n)
            }
        }
    }

    static func targetNames(_ e: Expr, _ names: inout [String]) {
        var stack = [e]
        while let t = stack.popLast() {
            switch t.kind {
            case .name(let n): names.append(n)
            case .tuple(let items), .list(let items): stack.append(contentsOf: items.reversed())
            case .starred(let inner): stack.append(inner)
            default: break
            }
        }
    }
}
