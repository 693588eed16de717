import Firebreak
import FirebreakStore
import Foundation
import Hummingbird

/// The desk's form posts: moderation, replies, the outbox, alerts, settings, the breaker and flags. Each checks the
/// role and the session's CSRF token, acts through the campaign's desk (which audits it) and redirects back.
struct ActionRoutes {
    let hub: DeskHub

    func register(on router: Router<DeskRequestContext>) {
        router.post("/campaigns/:id/moderation") { request, context in
            try await act(request, context, role: .moderator) { desk, form, user in
                guard let status = form["status"].flatMap(ModerationStatus.init(rawValue:)) else { throw DeskError.invalid("choose approve, reject or hold") }
                let keys = form.all("keys").compactMap(PostKey.init(parsing:))
                guard !keys.isEmpty else { throw DeskError.invalid("select at least one post") }
                guard keys.count <= 1000 else { throw DeskError.invalid("at most 1000 posts at once") }
                _ = try await desk.moderate(keys: keys, status: status, actor: user.name)
                let tab = form["tab"].flatMap(ModerationStatus.init(rawValue:)) ?? .pending
                return form["return"].flatMap(Self.localReturn) ?? "/campaigns/\(desk.id)/queue?status=\(tab.rawValue)"
            }
        }
        router.post("/campaigns/:id/replies/:item/approve") { request, context in
            try await act(request, context, role: .moderator) { desk, form, user in
                try await desk.approveReply(id: try itemID(context), text: form["text"], actor: user.name)
                return "/campaigns/\(desk.id)/replies"
            }
        }
        router.post("/campaigns/:id/outbox/:item/cancel") { request, context in
            try await act(request, context, role: .moderator) { desk, form, user in
                try await desk.cancelOutbox(id: try itemID(context), actor: user.name)
                return form["return"].flatMap(Self.localReturn) ?? "/campaigns/\(desk.id)/outbox"
            }
        }
        for action in ["acknowledge", "resolve", "annotate"] {
            router.post("/campaigns/:id/alerts/:alert/\(action)") { request, context in
                try await act(request, context, role: .moderator) { desk, form, user in
                    guard let alertID = context.parameters.get("alert") else { throw DeskError.notFound }
                    let alertAction: AlertAction =
                        switch action {
                        case "acknowledge": .acknowledge
                        case "resolve": .resolve
                        default: .annotate(form["text"] ?? "")
                        }
                    try await desk.updateAlert(id: alertID, action: alertAction, actor: user.name)
                    return "/campaigns/\(desk.id)/alerts"
                }
            }
        }
        router.post("/campaigns/:id/settings/policy") { request, context in
            try await act(request, context, role: .admin) { desk, form, user in
                try await desk.updatePolicy(try Self.policy(from: form, current: await desk.policy), actor: user.name)
                return "/campaigns/\(desk.id)/settings"
            }
        }
        router.post("/campaigns/:id/breaker") { request, context in
            try await act(request, context, role: .admin) { desk, form, user in
                let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard (3...500).contains(reason.count) else { throw DeskError.invalid("say why (3 to 500 characters)") }
                switch form["action"] {
                case "override": try await desk.overrideBreaker(actor: user.name, reason: reason)
                case "trip": try await desk.tripBreaker(actor: user.name, reason: reason)
                case "rearm": try await desk.rearmBreaker(actor: user.name, reason: reason)
                default: throw DeskError.invalid("action must be override, trip or rearm")
                }
                return "/campaigns/\(desk.id)/settings"
            }
        }
        router.post("/campaigns/:id/flags") { request, context in
            try await act(request, context, role: .moderator) { desk, form, user in
                guard let handle = form["handle"], let action = form["action"], action == "flag" || action == "unflag" else {
                    throw DeskError.invalid("give a handle and flag or unflag")
                }
                try await desk.setFlag(handle: handle, flagged: action == "flag", actor: user.name)
                return form["return"].flatMap(Self.localReturn) ?? "/campaigns/\(desk.id)/settings"
            }
        }
    }

    /// Runs a form action: role, CSRF, the desk, then a redirect — or the refusal as a page.
    private func act(
        _ request: Request, _ context: DeskRequestContext, role: DeskRole,
        _ body: (CampaignDesk, FormData, UserRecord) async throws -> String
    ) async throws -> Response {
        guard context.user != nil else { return Responses.redirect("/login") }
        let user = try context.require(role)
        let form = try await readForm(request)
        try context.checkCSRF(form["csrf"])
        let desk = try hub.desk(context)
        do {
            return Responses.redirect(try await body(desk, form, user))
        } catch let error as DeskError {
            return Responses.html(ErrorPage.render(status: Int(Responses.status(of: error).code), message: error.description), status: Responses.status(of: error))
        }
    }

    private func itemID(_ context: DeskRequestContext) throws -> Int64 {
        guard let text = context.parameters.get("item"), let id = Int64(text) else { throw DeskError.notFound }
        return id
    }

    /// Only paths on this server under /campaigns/ are followed back.
    private static func localReturn(_ path: String) -> String? {
        path.hasPrefix("/campaigns/") && !path.contains("//") && !path.contains("\\") && path.count < 500 ? path : nil
    }

    /// Reads the policy form; a checkbox that is absent means false.
    static func policy(from form: FormData, current: DeskPolicy) throws -> DeskPolicy {
        func number(_ name: String, _ fallback: Double) throws -> Double {
            guard let text = form[name], !text.isEmpty else { return fallback }
            guard let value = Double(text), value.isFinite else { throw DeskError.invalid("\(name) must be a number") }
            return value
        }
        func integer(_ name: String, _ fallback: Int) throws -> Int {
            guard let text = form[name], !text.isEmpty else { return fallback }
            guard let value = Int(text) else { throw DeskError.invalid("\(name) must be a whole number") }
            return value
        }
        var policy = current
        policy.autoApprove = form["auto_approve"] == "true"
        policy.autoReply = form["auto_reply"] == "true"
        policy.autoApproveMinSupportive = try number("auto_approve_min_supportive", current.autoApproveMinSupportive)
        policy.replyMinSupportive = try number("reply_min_supportive", current.replyMinSupportive)
        policy.maxIrony = try number("max_irony", current.maxIrony)
        policy.maxOffensive = try number("max_offensive", current.maxOffensive)
        policy.repliesPerHour = try integer("replies_per_hour", current.repliesPerHour)
        policy.pullBackMinutes = try integer("pull_back_minutes", current.pullBackMinutes)
        if let template = form["reply_template"] { policy.replyTemplate = template.trimmingCharacters(in: .whitespacesAndNewlines) }
        return policy
    }
}
