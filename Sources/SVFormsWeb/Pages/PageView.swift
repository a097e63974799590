import Mustache

/// A page: its own fields first, then the layout's.
protocol PageView: MustacheParent, Sendable {
    var layout: LayoutView { get }
    func field(named name: String) -> Any?
}

extension PageView {
    func child(named name: String) -> Any? {
        field(named: name) ?? layout.child(named: name)
    }
}
