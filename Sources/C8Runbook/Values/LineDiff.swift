/// A unified diff of two texts, line by line (longest common subsequence), with three lines of context: what a
/// reviewer should expect to see between the 8.7 file and the file `c8runbook values` writes.
public enum LineDiff {
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        let operations = script(a, b)
        var output = ["--- \(oldName)", "+++ \(newName)"]
        var index = 0
        while index < operations.count {
            guard let firstChange = operations[index...].firstIndex(where: { $0.kind != .same }) else { break }
            let start = max(index, firstChange - context)
            var end = firstChange
            var lastChange = firstChange
            while end < operations.count {
                if operations[end].kind != .same { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            let stop = min(operations.count, lastChange + context + 1)
            let hunk = operations[start..<stop]
            let oldStart = hunk.first!.oldLine, newStart = hunk.first!.newLine
            let oldCount = hunk.filter { $0.kind != .insert }.count, newCount = hunk.filter { $0.kind != .delete }.count
            output.append("@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@")
            for operation in hunk {
                switch operation.kind {
                case .same: output.append(" " + operation.text)
                case .delete: output.append("-" + operation.text)
                case .insert: output.append("+" + operation.text)
                }
            }
            index = stop
        }
        return output.joined(separator: "\n") + "\n"
    }

    private struct Operation {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        /// 1-based line numbers where the operation sits in each text.
        var oldLine: Int
        var newLine: Int
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func script(_ a: [String], _ b: [String]) -> [Operation] {
        let n = a.count, m = b.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var operations: [Operation] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                operations.append(Operation(kind: .same, text: a[i], oldLine: i + 1, newLine: j + 1)); i += 1; j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                operations.append(Operation(kind: .delete, text: a[i], oldLine: i + 1, newLine: j + 1)); i += 1
            } else {
                operations.append(Operation(kind: .insert, text: b[j], oldLine: i + 1, newLine: j + 1)); j += 1
            }
        }
        return operations
    }
}
