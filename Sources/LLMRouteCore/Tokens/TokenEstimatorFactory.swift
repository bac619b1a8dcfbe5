/// The token estimator routing uses.
public enum TokenEstimatorFactory {
    public static func make() -> any TokenEstimator { TiktokenEstimator() }
}
