/// A unified diff of two texts, line by line, with three lines of context: what a reviewer should expect to see
/// between the 8.7 file and the file `c8runbook values` writes. Exact (longest common subsequence) on small
/// changes; on large ones cut first at lines unique to both texts (patience diff), so time and memory stay
/// near-linear in the size of the texts (a 1 MB file must not need gigabytes).
public enum LineDiff {
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        let operations = script(Lines(a, b))
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
        /// The line (of the old text for `same`), a slice of the text: only the lines of a hunk become strings.
        var text: Substring
        /// 1-based line numbers where the operation sits in each text.
        var oldLine: Int
        var newLine: Int
    }

    /// The lines of `text`, split on LF bytes, without a CR before the LF (a CRLF file diffs like an LF file).
    private static func lines(_ text: String) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex, index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                var end = index
                if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
                lines.append(Substring(utf8[start..<end]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start < utf8.endIndex { lines.append(Substring(utf8[start...])) }
        return lines
    }

    /// Gaps with at most this many cells (lines × lines) are aligned exactly (longest common subsequence); larger
    /// ones are first cut at lines that occur once in each text (patience diff), so the cost stays near-linear in
    /// the texts' size and memory never grows with the product of their lengths.
    static let exactCells = 250_000

    /// Both texts' lines, and each line as a number: equal lines (as `Substring`s compare, which the one dictionary
    /// that numbers them decides) get equal numbers, so the alignment compares and counts integers instead of
    /// hashing and comparing the lines again at every step.
    private struct Lines {
        let a: [Substring], b: [Substring]
        let idA: [Int], idB: [Int]
        let distinct: Int

        init(_ a: [Substring], _ b: [Substring]) {
            self.a = a
            self.b = b
            var ids: [Substring: Int] = [:]
            ids.reserveCapacity(a.count + b.count)
            func number(_ id: inout Int) -> Int { id }
            func id(_ line: Substring) -> Int {
                let next = ids.count
                return number(&ids[line, default: next])
            }
            idA = a.map(id)
            idB = b.map(id)
            distinct = ids.count
        }
    }

    /// Per line number, for `uniqueAnchors`: how often it occurs in each range and where in `a`; reset after each use,
    /// so that a call costs its ranges' length, not the number of distinct lines.
    private struct Counts {
        var inA: [Int32], inB: [Int32], at: [Int]

        init(_ distinct: Int) {
            inA = [Int32](repeating: 0, count: distinct)
            inB = [Int32](repeating: 0, count: distinct)
            at = [Int](repeating: 0, count: distinct)
        }
    }

    private static func script(_ lines: Lines) -> [Operation] {
        var operations: [Operation] = []
        operations.reserveCapacity(max(lines.a.count, lines.b.count))
        var counts = Counts(lines.distinct)
        align(lines, 0..<lines.a.count, 0..<lines.b.count, &counts, into: &operations)
        return operations
    }

    private static func align(_ lines: Lines, _ ra: Range<Int>, _ rb: Range<Int>, _ counts: inout Counts, into operations: inout [Operation]) {
        let a = lines.idA, b = lines.idB
        var lowA = ra.lowerBound, lowB = rb.lowerBound, highA = ra.upperBound, highB = rb.upperBound
        while lowA < highA, lowB < highB, a[lowA] == b[lowB] {
            operations.append(Operation(kind: .same, text: lines.a[lowA], oldLine: lowA + 1, newLine: lowB + 1)); lowA += 1; lowB += 1
        }
        var suffix = 0
        while highA > lowA, highB > lowB, a[highA - 1] == b[highB - 1] { highA -= 1; highB -= 1; suffix += 1 }
        defer {
            for offset in 0..<suffix {
                operations.append(Operation(kind: .same, text: lines.a[highA + offset], oldLine: highA + offset + 1, newLine: highB + offset + 1))
            }
        }
        let n = highA - lowA, m = highB - lowB
        if n == 0 || m == 0 || n * m <= exactCells {
            exact(lines, lowA..<highA, lowB..<highB, into: &operations)
            return
        }
        let anchors = uniqueAnchors(a, lowA..<highA, b, lowB..<highB, &counts)
        if anchors.isEmpty {
            for i in lowA..<highA { operations.append(Operation(kind: .delete, text: lines.a[i], oldLine: i + 1, newLine: lowB + 1)) }
            for j in lowB..<highB { operations.append(Operation(kind: .insert, text: lines.b[j], oldLine: highA + 1, newLine: j + 1)) }
            return
        }
        var i = lowA, j = lowB
        for (x, y) in anchors {
            align(lines, i..<x, j..<y, &counts, into: &operations)
            operations.append(Operation(kind: .same, text: lines.a[x], oldLine: x + 1, newLine: y + 1))
            i = x + 1; j = y + 1
        }
        align(lines, i..<highA, j..<highB, &counts, into: &operations)
    }

    /// Pairs of positions of lines that occur exactly once in each range, longest increasing run by both positions.
    private static func uniqueAnchors(_ a: [Int], _ ra: Range<Int>, _ b: [Int], _ rb: Range<Int>, _ counts: inout Counts) -> [(Int, Int)] {
        for i in ra { counts.inA[a[i]] += 1; counts.at[a[i]] = i }
        for j in rb { counts.inB[b[j]] += 1 }
        var pairs: [(Int, Int)] = []
        for j in rb where counts.inA[b[j]] == 1 && counts.inB[b[j]] == 1 { pairs.append((counts.at[b[j]], j)) }
        for i in ra { counts.inA[a[i]] = 0 }
        for j in rb { counts.inB[b[j]] = 0 }
        // Longest increasing subsequence of the `a` positions (pairs are in `b` order): patience sorting.
        var tails: [Int] = [], previous = [Int](repeating: -1, count: pairs.count)
        for (index, pair) in pairs.enumerated() {
            var low = 0, high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if pairs[tails[middle]].0 < pair.0 { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var result: [(Int, Int)] = []
        var cursor = tails.last ?? -1
        while cursor >= 0 { result.append(pairs[cursor]); cursor = previous[cursor] }
        return result.reversed()
    }

    /// Longest common subsequence of two small ranges.
    private static func exact(_ lines: Lines, _ ra: Range<Int>, _ rb: Range<Int>, into operations: inout [Operation]) {
        let a = lines.idA, b = lines.idB
        let n = ra.count, m = rb.count
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        func cell(_ i: Int, _ j: Int) -> Int32 { table[i * (m + 1) + j] }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * (m + 1) + j] = a[ra.lowerBound + i] == b[rb.lowerBound + j] ? cell(i + 1, j + 1) + 1 : max(cell(i + 1, j), cell(i, j + 1))
            }
        }
        var i = 0, j = 0
        while i < n || j < m {
            let oldLine = ra.lowerBound + i + 1, newLine = rb.lowerBound + j + 1
            if i < n, j < m, a[ra.lowerBound + i] == b[rb.lowerBound + j] {
                operations.append(Operation(kind: .same, text: lines.a[ra.lowerBound + i], oldLine: oldLine, newLine: newLine)); i += 1; j += 1
            } else if i < n, j == m || cell(i + 1, j) >= cell(i, j + 1) {
                operations.append(Operation(kind: .delete, text: lines.a[ra.lowerBound + i], oldLine: oldLine, newLine: newLine)); i += 1
            } else {
                operations.append(Operation(kind: .insert, text: lines.b[rb.lowerBound + j], oldLine: oldLine, newLine: newLine)); j += 1
            }
        }
    }
}
