import Foundation
import Testing

@testable import Firebreak

@Suite struct CircuitBreakerTests {
    private let t0 = Date(timeIntervalSince1970: 1_398_189_300)

    @Test func tripsTheMomentHealthLeavesHealthy() throws {
        var breaker = CircuitBreaker()
        let r1 = breaker.observe(.healthy, at: t0)
        #expect(r1 == nil)
        #expect(breaker.autoApprovalAllowed && !breaker.galleryFrozen && !breaker.repliesPaused)
        let eventResult = breaker.observe(.watch, at: t0 + 60)
        let event = try #require(eventResult)
        #expect(event.kind == .tripped && event.actor == "monitor" && event.health == .watch)
        #expect(!breaker.autoApprovalAllowed && breaker.galleryFrozen && breaker.repliesPaused)
        // Worse health while tripped changes nothing more; recovery does not re-arm it.
        let r2 = breaker.observe(.hijacked, at: t0 + 120)
        #expect(r2 == nil)
        let r3 = breaker.observe(.healthy, at: t0 + 600)
        #expect(r3 == nil)
        #expect(breaker.state == .tripped)
    }

    @Test func anOverrideHoldsUntilHealthWorsens() throws {
        var breaker = CircuitBreaker()
        _ = breaker.observe(.watch, at: t0)
        let overrideResult = breaker.override(by: "ana", reason: "false alarm: a fan meetup", health: .watch, at: t0 + 30)
        let override = try #require(overrideResult)
        #expect(override.kind == .overridden && override.actor == "ana" && override.note == "false alarm: a fan meetup")
        #expect(!breaker.galleryFrozen && !breaker.repliesPaused)
        // Overridden is not armed: nothing is approved without a person.
        #expect(!breaker.autoApprovalAllowed)
        let r4 = breaker.observe(.watch, at: t0 + 60)
        #expect(r4 == nil)
        let retripResult = breaker.observe(.hijacked, at: t0 + 120)
        let retrip = try #require(retripResult)
        #expect(retrip.kind == .tripped && breaker.galleryFrozen)
    }

    @Test func manualTripAndRearm() throws {
        var breaker = CircuitBreaker()
        let r5 = breaker.override(by: "ana", reason: "x", health: .healthy, at: t0)
        #expect(r5 == nil)
        let r6 = breaker.rearm(by: "ana", reason: "x", health: .healthy, at: t0)
        #expect(r6 == nil)
        let tripResult = breaker.trip(by: "ana", reason: "a bad news story is breaking", health: .healthy, at: t0)
        let trip = try #require(tripResult)
        #expect(trip.actor == "ana" && breaker.galleryFrozen)
        let r7 = breaker.trip(by: "ana", reason: "again", health: .healthy, at: t0)
        #expect(r7 == nil)
        let movedResult = breaker.rearm(by: "bo", reason: "story passed", health: .healthy, at: t0 + 60)
        _ = try #require(movedResult)
        #expect(breaker.state == .armed && breaker.autoApprovalAllowed)
    }
}
