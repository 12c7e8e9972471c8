/// The version of perfbench that wrote a file or a report.
///
/// Recordings, baselines and history rows carry it so that a reader can tell which perfbench
/// made them; bump it with every release.
public enum PerfbenchVersion {
    /// The version string, semantic-versioning style.
    public static let current = "0.1.0"
}
