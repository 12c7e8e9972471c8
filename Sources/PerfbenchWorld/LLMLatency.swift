import Foundation
import PerfbenchPipeline
import PerfbenchRuntime

/// How long the simulated LLM takes: it grows with the answer's size, as generation dominates.
///
/// `latency = (overhead + perPromptToken · promptTokens + perCompletionToken · (answerTokens +
/// reasoningTokens[task])) · jitter + extraSeconds[task]`, tokens ≈ bytes / 4, jitter lognormal
/// with ``jitterSigma`` and, with ``tailProbability``, a Pareto factor ≥ ``tailFactor``.
///
/// Our answers are compact JSON; real models also write reasoning prose (the logs show it), so
/// ``reasoningTokens`` adds the tokens a real answer carries beyond ours. ``extraSeconds`` absorbs
/// work the real agent did around its call (oct31's intent stage: 3.0 s LLM, 9.15 s stage).
public struct LLMLatency: Sendable, Hashable {
    /// Fixed cost per call (connection, queueing, first token).
    public var overheadSeconds: Double
    /// Generation time per completion token.
    public var secondsPerCompletionToken: Double
    /// Prefill time per prompt token.
    public var secondsPerPromptToken: Double
    /// Spread of the lognormal jitter factor.
    public var jitterSigma: Double
    /// Chance of a slow call.
    public var tailProbability: Double
    /// Smallest factor of a slow call (Pareto scale, shape 2).
    public var tailFactor: Double
    /// Tokens a real answer carries beyond the compact JSON, per task.
    public var reasoningTokens: [LLMTask: Int]
    /// Seconds added per task.
    public var extraSeconds: [LLMTask: Double]
    /// Cap.
    public var maximumSeconds: Double

    /// Calibrated on the 2025-11-07 log: intent 3.0 s, mood 3.1 s, mentions 1.1 s, filter of 144
    /// tracks 10.6 s, scoring 3.9 s, artist validation 5.9 s, improvement strategy 6.2 s.
    public init(
        overheadSeconds: Double = 0.6, secondsPerCompletionToken: Double = 0.018,
        secondsPerPromptToken: Double = 0.0004, jitterSigma: Double = 0.15,
        tailProbability: Double = 0.03, tailFactor: Double = 1.4,
        reasoningTokens: [LLMTask: Int] = LLMLatency.defaultReasoningTokens,
        extraSeconds: [LLMTask: Double] = [:], maximumSeconds: Double = 120
    ) {
        self.overheadSeconds = overheadSeconds
        self.secondsPerCompletionToken = secondsPerCompletionToken
        self.secondsPerPromptToken = secondsPerPromptToken
        self.jitterSigma = jitterSigma
        self.tailProbability = tailProbability
        self.tailFactor = tailFactor
        self.reasoningTokens = reasoningTokens
        self.extraSeconds = extraSeconds
        self.maximumSeconds = maximumSeconds
    }

    /// Reasoning tokens per task that bring our compact answers to the logged durations. Mood
    /// analysis is negative: our answer (≈ 190 tokens for a detailed prompt) is longer than the
    /// real model's, whose call took 3.1 s.
    public static let defaultReasoningTokens: [LLMTask: Int] = [
        .intentAnalysis: 105, .moodAnalysis: -50, .anchorMentions: 20, .anchorFilter: 240,
        .anchorStrategy: 40, .anchorScoring: 80, .anchorFinalize: 45, .artistValidation: 215,
        .seedSelection: 45, .qualityEvaluation: 110, .improvementStrategy: 280,
        .finalEvaluation: 90, .energyAnalysis: 330, .orderingStrategy: 165,
    ]

    /// Draws one call's latency in seconds (consumes exactly four numbers from `rng`).
    public func sample(
        task: LLMTask?, promptTokens: Int, completionTokens: Int, using rng: inout SplitMix64
    ) -> Double {
        let reasoning = task.flatMap { reasoningTokens[$0] } ?? 0
        let base = overheadSeconds + secondsPerPromptToken * Double(promptTokens)
            + secondsPerCompletionToken * Double(completionTokens + reasoning)
        let gaussian = rng.nextGaussian()
        let branch = rng.nextUnit()
        let tail = rng.nextOpenUnit()
        var factor = exp(jitterSigma * gaussian)
        if branch < tailProbability { factor = tailFactor * pow(tail, -0.5) }
        let extra = task.flatMap { extraSeconds[$0] } ?? 0
        return min(max(base * factor + extra, 0.05), maximumSeconds)
    }
}
