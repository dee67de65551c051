-- wrk reports p50/p90/p99; the performance bars in DESIGN.md are p95, so print our own line.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d errors=%d p50_ms=%.1f p95_ms=%.1f rps=%.1f\n",
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests / seconds))
end
