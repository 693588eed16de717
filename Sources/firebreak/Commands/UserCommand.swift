import ArgumentParser
import Firebreak
import FirebreakServer
import FirebreakStore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `firebreak user`: manage desk users.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage desk users (admin, moderator, viewer).", subcommands: [Add.self, List.self, Disable.self])

    /// `firebreak user add NAME --role ROLE`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user or set a user's password and role. The password is read from standard input or asked for.")

        @Argument(help: "The login name (letters, digits, . _ -; 1 to 40 characters).")
        var name: String

        @Option(name: .long, help: "admin, moderator or viewer.")
        var role: String = "moderator"

        @Option(name: .long, help: "The desk configuration (for the database path).")
        var config: String = "firebreak.yml"

        @Flag(name: .long, help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        func validate() throws {
            guard UserName.isValid(name) else { throw ValidationError("a user name is 1 to 40 letters, digits, '.', '_' or '-'") }
            guard DeskRole(rawValue: role) != nil else { throw ValidationError("--role must be admin, moderator or viewer") }
        }

        func run() async throws {
            let store = try await openStore(config)
            let password: String
            if passwordStdin || isatty(0) == 0 {
                password = readLine(strippingNewline: true) ?? ""
            } else {
                guard let first = getpass("Password for \(name): ").map({ String(cString: $0) }),
                    let second = getpass("Again: ").map({ String(cString: $0) }), first == second
                else { throw CommandFailure("the passwords differ") }
                password = first
            }
            let problems = Passwords.problems(password)
            guard problems.isEmpty else { throw CommandFailure(problems.joined(separator: "; ")) }
            let existing = try await store.user(named: name)
            try await store.save(
                user: UserRecord(
                    name: name, passwordHash: await Passwords.hash(password), role: DeskRole(rawValue: role)!, createdAt: existing?.createdAt ?? Date()))
            try await store.deleteSessions(user: name)
            try await store.append(
                audit: AuditEntry(at: Date(), actor: "cli", campaignID: nil, action: existing == nil ? "user.add" : "user.update", subject: name, detail: "role \(role)"))
            print(existing == nil ? "added \(name) (\(role))" : "updated \(name) (\(role)); their sessions were ended")
        }
    }

    /// `firebreak user list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users.")

        @Option(name: .long, help: "The desk configuration (for the database path).")
        var config: String = "firebreak.yml"

        func run() async throws {
            for user in try await openStore(config).users() {
                print("\(user.name)\t\(user.role.rawValue)\(user.disabled ? "\tdisabled" : "")")
            }
        }
    }

    /// `firebreak user disable NAME`.
    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user and end their sessions.")

        @Argument(help: "The login name.")
        var name: String

        @Option(name: .long, help: "The desk configuration (for the database path).")
        var config: String = "firebreak.yml"

        func run() async throws {
            let store = try await openStore(config)
            guard var user = try await store.user(named: name) else { throw CommandFailure("no user \(name)") }
            user.disabled = true
            try await store.save(user: user)
            try await store.deleteSessions(user: name)
            try await store.append(audit: AuditEntry(at: Date(), actor: "cli", campaignID: nil, action: "user.disable", subject: name))
            print("disabled \(name)")
        }
    }
}

/// Opens the store a configuration names.
private func openStore(_ config: String) async throws -> SQLiteStore {
    do {
        return try SQLiteStore(path: try DeskConfigurationFile.load(path: config).database)
    } catch let error as CommandFailure {
        throw error
    } catch {
        throw CommandFailure("\(error)")
    }
}

/// Which user names the desk accepts.
enum UserName {
    static func isValid(_ name: String) -> Bool {
        (1...40).contains(name.count) && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }
}
