import ArgumentParser

/// `--max-decompressed-mib N`: how large an input may grow once decompressed (a gzip-bomb
/// guard; empty lines count like any other byte). The replaying commands read it through
/// ``Replaying/maxDecompressedBytes``; import and inspect pass it to their readers.
struct InputLimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-decompressed-mib"),
        help: "Refuse an input that decompresses to more than this many MiB (gzip-bomb guard; empty lines count too).")
    var maxDecompressedMiB: UInt64 = 4096

    /// The limit in bytes.
    var bytes: UInt64 { maxDecompressedMiB << 20 }

    func validate() throws {
        guard maxDecompressedMiB >= 1, maxDecompressedMiB <= 1 << 30 else {
            throw ValidationError("--max-decompressed-mib must be between 1 and 1073741824, e.g. 512.")
        }
    }

    /// Makes the limit the one every recording this process loads is read with.
    func apply() {
        Replaying.maxDecompressedBytes = bytes
    }
}
