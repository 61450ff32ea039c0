extension ValuesVerifier {
    /// The verifier's own reading of the 8.7 texts (`VerifiedTree.read`) and each region's effective 8.7 values merged
    /// from them (`Check.Before`): none of it needs the migration, so `values` starts it on a thread of its own
    /// (`ConcurrentValue`) as soon as the files are read, and it runs while the scenario check and the migration do.
    /// `verify` takes it where the files are the same texts in the same roles, and reads anything else itself; the
    /// reading is the one `verify` would make, on its own path, independent of `ValuesReader` (BENCHMARKS.md, seventh
    /// pass).
    public final class OriginalReading: Sendable {
        /// Each file's role and 8.7 text, in the order given.
        let files: [(role: ValuesInput.Role, text: String)]
        private let result: ConcurrentValue<Prepared>

        struct Prepared: Sendable {
            /// Each file's tree, or why it could not be read, in the order of `files`.
            var trees: [Result<VerifiedTree, any Error>]
            /// Region 0's and region 1's effective 8.7 values, every file merged.
            var before: [Check.Before]
        }

        /// Starts reading the texts of `input`'s files (base files first, in `helm -f` order, then the region files).
        public convenience init(_ input: ValuesInput) {
            self.init(input.files.map { (role: $0.role, text: $0.document.text) })
        }

        init(_ files: [(role: ValuesInput.Role, text: String)]) {
            self.files = files
            result = ConcurrentValue { Self.prepare(files) }
        }

        /// The reading, when `verified` are these texts in these roles (waits for it); nil otherwise.
        func reading(of verified: [File]) -> Prepared? {
            guard verified.count == files.count,
                  zip(verified, files).allSatisfy({ $0.role == $1.role && $0.original == $1.text }) else { return nil }
            return result.value
        }

        /// What `problems` makes of the 8.7 texts when every written text reads: each tree (an empty mapping for a
        /// text that does not read), merged per region in order, base files and the region's file.
        private static func prepare(_ files: [(role: ValuesInput.Role, text: String)]) -> Prepared {
            let trees = files.map { file in Result { try VerifiedTree.read(file.text) } }
            var before: [Check.Before] = []
            for region in [0, 1] {
                let old = zip(files, trees).filter { $0.0.role.region == nil || $0.0.role.region == region }.map { (try? $0.1.get()) ?? .mapping([]) }
                let merged = old.dropFirst().reduce(old.first ?? .mapping([]), VerifiedTree.helmMerge)
                before.append(Check.Before(old: merged, previous: before.last))
            }
            return Prepared(trees: trees, before: before)
        }
    }
}
