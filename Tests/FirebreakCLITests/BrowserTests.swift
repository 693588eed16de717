import Foundation
import Testing

/// What the browser test needs on the machine: Chromium, its driver and Python's Selenium.
enum BrowserStack {
    static let chromium = "/usr/bin/chromium"
    static let chromedriver = "/usr/bin/chromedriver"

    /// `FIREBREAK_BROWSER_TESTS=required` (CI) turns a missing stack into a failure instead of a skipped test.
    static let required = ProcessInfo.processInfo.environment["FIREBREAK_BROWSER_TESTS"] == "required"

    /// The parts that are missing, in words; empty when the test can run.
    static let missing: [String] = {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: chromium) { missing.append(chromium) }
        if !FileManager.default.isExecutableFile(atPath: chromedriver) { missing.append(chromedriver) }
        if !pythonHasSelenium() { missing.append("python3 with selenium (python3 -c \"import selenium\" failed)") }
        return missing
    }()

    /// Runs the test when the stack is there, or when CI requires it (so that its absence fails loudly).
    static var enabled: Bool { required || missing.isEmpty }

    private static func pythonHasSelenium() -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import selenium"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// Collects a child's combined output from a pipe on its own thread.
private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let finished = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                self.lock.withLock { self.data.append(chunk) }
            }
            self.finished.signal()
        }.start()
    }

    /// The output so far, after waiting up to `seconds` for the end of the stream (a grandchild that outlived the
    /// script, such as a stray browser, may hold the pipe open; its output is not worth hanging the test for).
    func text(waitingUpTo seconds: Double) -> String {
        _ = finished.wait(timeout: .now() + seconds)
        return lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}

/// The desk in a real browser: `Tests/browser/desk_test.py` starts `firebreak demo`, drives Chromium through the
/// pages, the hostile posts, the queue and the live turn of the campaign, and exits 0 when everything held.
@Suite("Browser")
struct BrowserTests {
    @Test(
        "the desk works in a real browser: pages, hostile posts, moderation, live turn",
        .enabled(if: BrowserStack.enabled, "needs /usr/bin/chromium, /usr/bin/chromedriver and python3 with selenium"),
        .timeLimit(.minutes(8)))
    func deskInBrowser() async throws {
        guard BrowserStack.missing.isEmpty else {
            Issue.record(
                """
                FIREBREAK_BROWSER_TESTS=required but the browser stack is missing: \(BrowserStack.missing.joined(separator: ", ")). \
                Install it with `apt-get install -y chromium chromium-driver fonts-noto-color-emoji` and \
                `python3 -m pip install selenium` (.ci/run does both).
                """)
            return
        }
        let script = CLIRunner.packageRoot.appendingPathComponent("Tests/browser/desk_test.py")
        // FIREBREAK_BROWSER_SCREENSHOTS keeps the PNGs where a person (or CI's artifact upload) can find them.
        // Otherwise they go to a temporary folder that is removed when the test passes and kept when it fails.
        let screenshots: URL
        var scratch: URL?
        if let folder = ProcessInfo.processInfo.environment["FIREBREAK_BROWSER_SCREENSHOTS"], !folder.isEmpty {
            screenshots = URL(fileURLWithPath: folder)
        } else {
            scratch = try CLIRunner.temporaryDirectory()
            screenshots = scratch!.appendingPathComponent("screenshots")
        }
        let binary = CLIRunner.binary
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no firebreak binary at \(binary.path)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--binary", binary.path, "--screenshots", screenshots.path]
        process.currentDirectoryURL = CLIRunner.packageRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        let output = OutputCollector(pipe.fileHandleForReading)
        let started = Date()
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
            // The script keeps itself under about five minutes; past seven, stop it (SIGTERM lets it stop the
            // server and the browser) so the test fails with its output rather than hitting the time limit.
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + 7 * 60) {
                guard process.isRunning, process.processIdentifier == pid else { return }
                process.terminate()
                DispatchQueue.global().asyncAfter(deadline: .now() + 20) {
                    if process.isRunning, process.processIdentifier == pid { kill(pid, SIGKILL) }
                }
            }
        }
        let text = output.text(waitingUpTo: 10)
        let seconds = Int(Date().timeIntervalSince(started))
        if status != 0 {
            Attachment.record(text, named: "desk_test-output.txt")
            print(text)
        } else if let scratch {
            try? FileManager.default.removeItem(at: scratch)
        }
        #expect(
            status == 0,
            "Tests/browser/desk_test.py exited with status \(status) after \(seconds)s; screenshots in \(screenshots.path). Output:\n\(text)")
    }
}
