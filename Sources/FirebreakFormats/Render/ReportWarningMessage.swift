import Firebreak

extension ReportWarning {
    /// The warning as a sentence, for the reports and the terminal.
    public var message: String {
        switch self {
        case .launchedAfterLastPost(let launched, let last):
            "The campaign's launched_at, \(Timestamp.format(launched)), is after the last post (\(Timestamp.format(last))): "
                + "the monitor watches from the launch on, so nothing was watched for a hijack and the health shown means "
                + "nothing. Check the campaign file."
        }
    }
}
