/// The stage path the current task works for, inherited by structured child tasks, so that every
/// request and wait knows which stage issued it without passing it through every call.
public enum StageContext {
    /// The current stage path, e.g. `orchestration/initial_generation/seed_gathering/anchor_selection`.
    @TaskLocal public static var path: String = "workflow"

    /// The path of a child stage of the current one.
    public static func child(_ name: String) -> String {
        path == "workflow" ? name : path + "/" + name
    }
}
