import Foundation

extension ValuesVerifier {
    /// The verifier's own reading of the 8.7 texts (`VerifiedTree.read`) and each region's effective 8.7 values merged
    /// from them (`Check.Before`): none of it needs the migration, so `values` starts it on a thread of its own
    /// (`ConcurrentValue`) before anything else, and it runs while the values reader and the migration do. `verify`
    /// takes it where the files are the same texts in the same roles, and reads anything else itself; the reading is
    /// the one `verify` would make, on its own path, independent of `ValuesReader` (BENCHMARKS.md, seventh pass).
    public final class OriginalReading: Sendable {
        private let result: ConcurrentValue<Prepared?>

        struct Prepared: Sendable {
            /// Each file's role and 8.7 text, in the order read.
            var files: [(role: ValuesInput.Role, text: String)]
            /// Each file's tree, or why it could not be read, in the order of `files`.
            var trees: [Result<VerifiedTree, any Error>]
            /// Region 0's and region 1's effective 8.7 values, every file merged.
            var before: [Check.Before]
        }

        /// Starts reading the texts of `input`'s files (base files first, in `helm -f` order, then the region files).
        public convenience init(_ input: ValuesInput) {
            let files = input.files.map { (role: $0.role, text: $0.document.text) }
            self.init { files }
        }

        /// Starts reading the files at these paths, as `ValuesInput.load` takes them (`bases` in `helm -f` order; without
        /// base files the region files are complete files), from the disk itself: nothing waits for the values reader.
        /// Only regular files are read (a FIFO or a device is never read from here, so the values reader gets all its
        /// data); a file it cannot read, or whose text the reader reads differently, `verify` reads again.
        public convenience init(bases: [String], region0: String?, region1: String?) {
            var paths = bases.map { (role: ValuesInput.Role.base, path: $0) }
            for (region, path) in [region0, region1].enumerated() {
                guard let path else { continue }
                paths.append((bases.isEmpty ? .full(region: region) : .overlay(region: region), path))
            }
            self.init { [paths] in
                var files: [(role: ValuesInput.Role, text: String)] = []
                for file in paths {
                    guard let text = Self.regularFileText(file.path) else { return nil }
                    files.append((file.role, text))
                }
                return files
            }
        }

        init(_ files: @escaping @Sendable () -> [(role: ValuesInput.Role, text: String)]?) {
            result = ConcurrentValue { files().map(Self.prepare) }
        }

        convenience init(_ files: [(role: ValuesInput.Role, text: String)]) {
            self.init { files }
        }

        /// The reading, when `verified` are the texts it read in the same roles (waits for it); nil otherwise.
        func reading(of verified: [File]) -> Prepared? {
            guard let prepared = result.value, verified.count == prepared.files.count,
                  zip(verified, prepared.files).allSatisfy({ $0.role == $1.role && $0.original == $1.text }) else { return nil }
            return prepared
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
            return Prepared(files: files, trees: trees, before: before)
        }

        /// The UTF-8 text of the regular file at `path` (at most `ValuesReader.maximumFileSize` bytes), or nil. Opened
        /// without blocking and checked to be a regular file before any read: a FIFO is never opened for a read.
        static func regularFileText(_ path: String) -> String? {
            let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var status = stat()
            guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= ValuesReader.maximumFileSize else { return nil }
            var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
            var count = 0
            while count < bytes.count {
                let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
                if got < 0, errno == EINTR { continue }
                guard got > 0 else { break }
                count += got
            }
            guard count <= ValuesReader.maximumFileSize else { return nil }
            return String(validating: bytes[..<count], as: UTF8.self)
        }
    }
}
