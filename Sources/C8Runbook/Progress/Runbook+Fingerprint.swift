extension Runbook {
    /// Identifies the runbook the operators follow: a hash over every step's id and content hash, in order.
    ///
    /// It is taken over the steps rather than the scenario file on purpose: editing a scenario's title, comments or
    /// key order changes nothing an operator does and leaves it alone, while a template override or a newer tool
    /// that rewords a step or changes a command does change it, exactly like the per-step hashes behind stale ticks.
    public var fingerprint: String {
        var hash = FNV1a64()
        for step in steps {
            hash.combine(field: step.id)
            hash.combine(field: step.contentHash)
        }
        return hash.hex
    }
}
