import CLLMRouteData
public func probeBlobCount() -> Int { llmroute_probe_blob().count }
