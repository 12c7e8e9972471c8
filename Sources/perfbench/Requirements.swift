import PerfbenchReport

/// `--require` texts as criteria (named sets expanded); a text that cannot be read is a usage
/// error (exit 64) saying how to write one.
enum Requirements {
    static func parse(_ texts: [String]) throws -> [Criterion] {
        var criteria: [Criterion] = []
        for text in texts {
            do {
                criteria += try Criterion.parse(text)
            } catch {
                throw ExitStatus.usage.fail(error.description)
            }
        }
        return criteria
    }
}
