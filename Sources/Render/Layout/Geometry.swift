/// A point on the canvas, in pixels of the 1920×1080 frame before scaling.
struct Point: Hashable, Sendable {
    var x: Double
    var y: Double
}

/// A box's width and height.
struct Size: Hashable, Sendable {
    var width: Double
    var height: Double
}

/// An axis-aligned rectangle.
struct Rect: Hashable, Sendable {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    static let empty = Rect(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    init(center: Point, size: Size) {
        self.init(minX: center.x - size.width / 2, minY: center.y - size.height / 2,
                  maxX: center.x + size.width / 2, maxY: center.y + size.height / 2)
    }

    var isEmpty: Bool { minX > maxX || minY > maxY }
    var width: Double { isEmpty ? 0 : maxX - minX }
    var height: Double { isEmpty ? 0 : maxY - minY }
    var center: Point { Point(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

    func union(_ o: Rect) -> Rect {
        Rect(minX: min(minX, o.minX), minY: min(minY, o.minY), maxX: max(maxX, o.maxX), maxY: max(maxY, o.maxY))
    }

    func intersects(_ o: Rect) -> Bool {
        !isEmpty && !o.isEmpty && minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY
    }

    func offset(_ dx: Double, _ dy: Double) -> Rect {
        Rect(minX: minX + dx, minY: minY + dy, maxX: maxX + dx, maxY: maxY + dy)
    }

    func inset(_ d: Double) -> Rect {
        Rect(minX: minX - d, minY: minY - d, maxX: maxX + d, maxY: maxY + d)
    }
}
