/// The assignment problem solved as a whole (Hungarian algorithm, O(n³)): rows to columns, one to
/// one, maximizing the total score. Rows or columns may be left out: a pair scoring below
/// `minimum` is never made.
public enum AssignmentSolver {
    /// For each row, the column it is assigned to, or `nil`.
    public static func solve(scores: [[Double]], minimum: Double) -> [Int?] {
        let rows = scores.count
        guard rows > 0 else { return [] }
        let columns = scores[0].count
        guard columns > 0 else { return Array(repeating: nil, count: rows) }
        // Square cost matrix; a pair below the minimum costs as much as leaving both out (a dummy).
        let n = max(rows, columns)
        let leaveOut = 1 - minimum
        var cost = Array(repeating: Array(repeating: leaveOut, count: n + 1), count: n + 1)
        for r in 0..<rows {
            for c in 0..<columns where scores[r][c] >= minimum {
                cost[r + 1][c + 1] = 1 - scores[r][c]
            }
        }
        // e-maxx formulation, 1-based with potentials u, v.
        var u = [Double](repeating: 0, count: n + 1), v = [Double](repeating: 0, count: n + 1)
        var p = [Int](repeating: 0, count: n + 1), way = [Int](repeating: 0, count: n + 1)
        for i in 1...n {
            p[0] = i
            var j0 = 0
            var minv = [Double](repeating: .infinity, count: n + 1)
            var used = [Bool](repeating: false, count: n + 1)
            repeat {
                used[j0] = true
                let i0 = p[j0]
                var delta = Double.infinity
                var j1 = 0
                for j in 1...n where !used[j] {
                    let cur = cost[i0][j] - u[i0] - v[j]
                    if cur < minv[j] { minv[j] = cur; way[j] = j0 }
                    if minv[j] < delta { delta = minv[j]; j1 = j }
                }
                for j in 0...n {
                    if used[j] { u[p[j]] += delta; v[j] -= delta } else { minv[j] -= delta }
                }
                j0 = j1
            } while p[j0] != 0
            repeat {
                let j1 = way[j0]
                p[j0] = p[j1]
                j0 = j1
            } while j0 != 0
        }
        var assignment = [Int?](repeating: nil, count: rows)
        for j in 1...n where p[j] >= 1 && p[j] <= rows && j <= columns {
            if scores[p[j] - 1][j - 1] >= minimum { assignment[p[j] - 1] = j - 1 }
        }
        return assignment
    }
}
