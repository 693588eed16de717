import Logging
import ServiceLifecycle
import Testing

@testable import FirebreakServer

@Suite struct BackgroundServiceTests {
    /// Set once by the service's body.
    private actor Flag {
        var isSet = false
        func set() { isSet = true }
    }

    @Test func aServiceWhoseWorkEndsKeepsTheServerUpUntilShutdown() async throws {
        let done = Flag()
        let logger = Logger(label: "test")
        // A replay that reaches the end of its archive at once.
        let replay = BackgroundService(name: "replay", logger: logger) { await done.set() }
        let group = ServiceGroup(configuration: .init(services: [replay], logger: logger))
        let running = Task { try await group.run() }
        while await !done.isSet { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(200))
        // Had the service returned, the group would have failed with "a service has finished unexpectedly".
        await group.triggerGracefulShutdown()
        try await running.value
    }
}
