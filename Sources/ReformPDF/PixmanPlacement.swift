import CPoppler

/// How cairo 1.16 hands an axis-aligned device-to-samples matrix to pixman
/// (`_cairo_matrix_to_pixman_matrix_offset`): moved by whole device pixels `t` toward the smallest
/// translation, converted to 16.16 fixed point, its translation then corrected until pixman maps
/// `centre` where the matrix does. `offset` is what decides the sample positions: pixman's sample
/// coordinate (fixed point) for device pixel p is round(fixed entry × (p + 0.5)) + offset, per axis.
struct PixmanPlacement {
    let fixedXX: Double, fixedYY: Double
    let offset: (x: Double, y: Double)

    init(_ matrix: cairo_matrix_t, centre: (Double, Double)) {
        func fixed(_ v: Double) -> Int64 { Int64((v * 65536).rounded(.toNearestOrEven)) }
        var m = matrix
        var tx = m.x0, ty = m.y0
        var norm = Swift.max(abs(tx), abs(ty))
        for i in [-1.0, 1.0] {
            for j in [-1.0, 1.0] {
                let den = (m.xx + i) * (m.yy + j) - m.xy * m.yx
                if abs(den) < Double.ulpOfOne { continue }
                let x = (m.y0 * m.xy - m.x0 * (m.yy + j)) / den, y = (m.x0 * m.yx - m.y0 * (m.xx + i)) / den
                if norm > Swift.max(abs(x), abs(y)) { norm = Swift.max(abs(x), abs(y)); tx = x; ty = y }
            }
        }
        tx = tx.rounded(.down)
        ty = ty.rounded(.down)
        cairo_matrix_translate(&m, tx, ty)
        let xx = fixed(m.xx), xy = fixed(m.xy), yx = fixed(m.yx), yy = fixed(m.yy)
        var x0 = fixed(m.x0), y0 = fixed(m.y0)
        var inverse = m
        if cairo_matrix_invert(&inverse) == CAIRO_STATUS_SUCCESS {
            let cx = fixed(centre.0), cy = fixed(centre.1)
            for _ in 0..<5 {
                // pixman_transform_point_3d: 48.16 products, rounded
                let px = ((xx * cx + xy * cy + 0x8000) >> 16) + x0
                let py = ((yx * cx + yy * cy + 0x8000) >> 16) + y0
                var ex = Double(px) / 65536, ey = Double(py) / 65536
                cairo_matrix_transform_point(&inverse, &ex, &ey)
                ex -= centre.0
                ey -= centre.1
                cairo_matrix_transform_distance(&m, &ex, &ey)
                let dx = fixed(ex), dy = fixed(ey)
                x0 -= dx
                y0 -= dy
                if dx == 0 && dy == 0 { break }
            }
        }
        fixedXX = Double(xx)
        fixedYY = Double(yy)
        // pixman is handed q = p - t: in device pixels p the translation is the fitted one minus entry × t
        offset = (Double(x0) - Double(xx) * tx, Double(y0) - Double(yy) * ty)
    }
}
