import Firebreak
import Foundation
import Testing

@testable import FirebreakFormats

/// The JSON report validates against the binding schema in `../shared/schemas`, checked by Python's `jsonschema`
/// (the reference implementation) rather than by anything written here.
@Suite("JSON report against report.schema.json")
struct ReportSchemaTests {
    /// `<package root>/../shared/schemas/report.schema.json`, found from this file's own path.
    static var schemaURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Tests/FirebreakFormatsTests/
            .deletingLastPathComponent()  // Tests/
            .deletingLastPathComponent()  // the package root
            .deletingLastPathComponent()  // the folder that holds the package and shared/
            .appendingPathComponent("shared/schemas/report.schema.json")
    }

    /// The shared validator script (`scripts/validate-report.py`), which the CLI tests use too.
    static var validatorURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/validate-report.py")
    }

    /// Runs the validator; returns its exit status and output. Records a failure (never a skip) when it cannot run.
    static func validate(_ json: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> (status: Int32, output: String) {
        let schema = schemaURL
        try #require(
            FileManager.default.fileExists(atPath: schema.path),
            "report schema not found at \(schema.path); tests expect ../shared/schemas beside the package", sourceLocation: sourceLocation)
        let document = FileManager.default.temporaryDirectory.appendingPathComponent("firebreak-report-\(UUID().uuidString).json")
        try json.write(to: document)
        defer { try? FileManager.default.removeItem(at: document) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", validatorURL.path, schema.path, document.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            Issue.record("could not start python3 to validate the report (install python3 and `pip install jsonschema`): \(error)", sourceLocation: sourceLocation)
            throw error
        }
        // Read before waiting so a long error list cannot fill the pipe and block the child.
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationStatus
        if status == 127 || status == 3 || output.contains("FIREBREAK-MISSING-JSONSCHEMA") {
            Issue.record(
                "cannot validate the JSON report: python3 or its jsonschema package is missing (pip install jsonschema). Output: \(output)",
                sourceLocation: sourceLocation)
        }
        return (status, output)
    }

    @Test("the sample #myNYPD report is valid, dates checked as RFC 3339")
    func sampleIsValid() throws {
        let result = try Self.validate(JSONReportEncoder().encode(SampleReport.nypd))
        #expect(result.status == 0, "schema violations:\n\(result.output)")
    }

    @Test("a report with hostile strings is valid and keeps them in full")
    func hostileIsValid() throws {
        let result = try Self.validate(JSONReportEncoder(prettyPrinted: false).encode(SampleReport.hostile))
        #expect(result.status == 0, "schema violations:\n\(result.output)")
    }

    @Test("an empty report (no posts, null dates) is valid")
    func emptyIsValid() throws {
        let result = try Self.validate(JSONReportEncoder().encode(SampleReport.empty))
        #expect(result.status == 0, "schema violations:\n\(result.output)")
    }

    @Test("a report whose figures are not finite still validates")
    func nonFiniteFiguresAreValid() throws {
        var report = SampleReport.nypd
        report.alerts[0].figures["ratio"] = .infinity
        report.alerts[0].figures["share"] = .nan
        report.coordination[0].windowSeconds = .nan
        let json = JSONReportEncoder().encode(report)
        let result = try Self.validate(json)
        #expect(result.status == 0, "schema violations:\n\(result.output)")
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let coordination = try #require(object["coordination"] as? [[String: Any]])
        #expect(coordination[0]["window_seconds"] == nil)
        #expect(coordination[1]["window_seconds"] as? Double == 42.5)
        // When the window's start is known it is written (a date-time the schema checks), else left out.
        #expect(coordination[0]["started_at"] == nil)
        #expect(coordination[1]["started_at"] as? String == "2014-04-22T19:00:00.500Z")
        #expect(coordination[0]["detected_at"] == nil && coordination[0]["example_post_id"] == nil)
        #expect(coordination[1]["detected_at"] as? String == "2014-04-22T19:00:30.250Z")
        #expect(coordination[1]["example_post_id"] as? String == "458658305040240640")
    }

    /// The validator must be able to fail, or the tests above prove nothing.
    @Test("the validator rejects a report that breaks the schema")
    func validatorRejectsBrokenReports() throws {
        let json = JSONReportEncoder().encodeString(SampleReport.nypd)
        let broken = [
            ("missing summary", json.replacingOccurrences(of: "\"summary\": {", with: "\"summary_gone\": {")),
            ("bad health", json.replacingOccurrences(of: "\"health\": \"recovering\"", with: "\"health\": \"fine\"")),
            ("bad date", json.replacingOccurrences(of: "2014-04-22T17:55:00Z", with: "2014-04-22 17:55")),
        ]
        for (name, text) in broken {
            #expect(text != json, "mutation \(name) did not apply")
            let result = try Self.validate(Data(text.utf8))
            #expect(result.status == 1, "\(name) should have been rejected; output: \(result.output)")
        }
    }
}
