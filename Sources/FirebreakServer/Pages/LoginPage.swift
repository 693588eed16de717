/// `GET /login`: the password form and, when offered, the one-time token form of `firebreak demo`.
public enum LoginPage {
    /// The login page; `csrf` is the login form's token, `offerToken` adds the `POST /login/token` form, prefilled with
    /// `token` (the link `firebreak demo` prints carries it).
    public static func render(
        csrf: String, error: String? = nil, notice: String? = nil, offerToken: Bool = false, username: String? = nil, token: String? = nil
    ) -> String {
        var html = Layout.head(title: "Log in", csrf: nil, scripts: false)
        html += "<body class=\"login\">\n<main id=\"main\" class=\"login-box\">\n<h1>Firebreak desk</h1>\n"
        if let error { html += "<p class=\"banner error\" role=\"alert\">\(PageHTML.text(error, .line))</p>\n" }
        if let notice { html += "<p class=\"banner notice\" role=\"status\">\(PageHTML.text(notice, .line))</p>\n" }
        html += "<form method=\"post\" action=\"/login\" class=\"login-form\">\(PageHTML.csrfField(csrf))\n"
        html += "<label>User name <input type=\"text\" name=\"username\" autocomplete=\"username\" required maxlength=\"100\" "
        html += "value=\"\(PageHTML.attr(username ?? "", .name))\" autofocus></label>\n"
        html += "<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\" required maxlength=\"1024\"></label>\n"
        html += "<button type=\"submit\">Log in</button>\n</form>\n"
        if offerToken {
            html += "<form method=\"post\" action=\"/login/token\" class=\"login-form token\">\(PageHTML.csrfField(csrf))\n"
            html += "<p class=\"note\">Or use the one-time token printed by <code>firebreak demo</code>.</p>\n"
            html += "<label>One-time token <input type=\"text\" name=\"token\" autocomplete=\"one-time-code\" required maxlength=\"200\" "
            html += "value=\"\(PageHTML.attr(token ?? "", .name))\"></label>\n"
            html += "<button type=\"submit\">Log in with token</button>\n</form>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }
}
