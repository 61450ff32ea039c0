/// "Did you mean" hints: the closest candidate by edit distance, when it is close enough to be a typo.
public enum Suggestion {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        ranked(word, candidates).first
    }

    /// Candidates within a typo's reach of `word`, best first (ties keep the candidates' order).
    public static func ranked(_ word: String, _ candidates: [String], count: Int = 3) -> [String] {
        let lowered = word.lowercased()
        let threshold = max(2, lowered.count / 3)
        return candidates
            .map { ($0, distance(lowered, $0.lowercased())) }
            .filter { $0.1 <= threshold || $0.0.lowercased().hasPrefix(lowered) && !lowered.isEmpty }
            .enumerated()
            .sorted { ($0.element.1, $0.offset) < ($1.element.1, $1.offset) }
            .prefix(count)
            .map(\.element.0)
    }

    /// Levenshtein distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
