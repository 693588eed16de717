import Testing

@testable import Firebreak

@Suite struct CUSUMRunTests {
    @Test func aRunStartsWhenTheStatisticLeavesZeroAndEndsWhenItFallsBack() {
        var run = CUSUMRun()
        let step1 = run.step(-1, minute: 1)
        #expect(!step1)
        #expect(run.statistic == 0 && run.start == nil)
        let step2 = run.step(2, minute: 2)
        #expect(step2)
        #expect(run.statistic == 2 && run.start == 2)
        let step3 = run.step(-1.5, minute: 3)
        #expect(step3)
        #expect(run.statistic == 0.5 && run.start == 2)  // still the run that began at minute 2
        let step4 = run.step(-0.5, minute: 4)
        #expect(!step4)  // exactly zero ends it
        #expect(run.statistic == 0 && run.start == nil)
        let step5 = run.step(1, minute: 5)
        #expect(step5)
        #expect(run.start == 5)
        run.reset()
        #expect(run.statistic == 0 && run.start == nil)
    }
}
