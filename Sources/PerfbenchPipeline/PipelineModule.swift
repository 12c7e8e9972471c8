/// The workflow model: filled in by the pipeline work (see PIPELINE.md).
enum PipelineModule {}
