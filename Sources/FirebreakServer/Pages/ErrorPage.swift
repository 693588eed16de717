/// A plain error page (400, 403, 404, ...): no navigation, no script, the message escaped.
public enum ErrorPage {
    /// The page for `status` with `message` (which may echo request data, so it is treated as untrusted).
    public static func render(status: Int, message: String) -> String {
        let title: String
        switch status {
        case 400: title = "Bad request"
        case 401: title = "Log in first"
        case 403: title = "Not allowed"
        case 404: title = "Not found"
        case 409: title = "Conflict"
        case 429: title = "Too many requests"
        case 500...599: title = "Server error"
        default: title = "Error"
        }
        var html = Layout.head(title: "\(status) \(title)", csrf: nil, scripts: false)
        html += "<body class=\"error-page\">\n<main id=\"main\" class=\"error-box\">\n"
        html += "<h1><span class=\"status-code\">\(status)</span> \(title)</h1>\n"
        html += "<p class=\"message\">\(PageHTML.text(message, .line))</p>\n"
        html += "<p><a href=\"/\">Back to the desk</a></p>\n</main>\n</body>\n</html>\n"
        return html
    }
}
