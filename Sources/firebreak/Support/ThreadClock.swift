import Foundation

/// CPU time of the calling thread, so a busy machine slows a benchmark's figure less than wall time would.
func threadNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// The median of a benchmark's timed runs (the upper of the middle two for an even count); `runs` is not empty.
func median(of runs: [Double]) -> Double {
    runs.sorted()[runs.count / 2]
}
