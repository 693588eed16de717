import Testing
@testable import FirebreakLanguage

@Suite("Model file")
struct ModelFileTests {
    @Test("a saved model reloads to identical scores")
    func roundTrip() throws {
        let model = Fixtures.train()
        let reloaded = try ModelFile.decode(ModelFile.encode(model))
        #expect(reloaded == model)
        let before = TextClassifier(model: model)
        let after = TextClassifier(model: reloaded)
        for text in ["I love them", "awful 😡 #fail", "", "neutral words only"] {
            #expect(before.probabilities(text) == after.probabilities(text))
        }
    }

    @Test("encoding is deterministic")
    func deterministicBytes() {
        #expect(ModelFile.encode(Fixtures.train()) == ModelFile.encode(Fixtures.train()))
    }

    @Test("a truncated file gives a clear error")
    func truncated() {
        let bytes = ModelFile.encode(Fixtures.train())
        for length in [0, 3, 10, bytes.count / 2, bytes.count - 1] {
            #expect(throws: ModelFileError.self) { try ModelFile.decode(Array(bytes.prefix(length))) }
        }
        do {
            _ = try ModelFile.decode(Array(bytes.prefix(bytes.count / 2)))
        } catch {
            #expect(error.description.contains("truncated"))
        }
    }

    @Test("a flipped byte is caught by the checksum")
    func corrupt() {
        var bytes = ModelFile.encode(Fixtures.train())
        bytes[bytes.count - 100] ^= 0x40
        #expect(throws: ModelFileError.checksumMismatch) { try ModelFile.decode(bytes) }
    }

    @Test("other files and other versions are refused")
    func wrongFiles() {
        #expect(throws: ModelFileError.notAModelFile) { try ModelFile.decode(Array("hello, world".utf8)) }
        var bytes = ModelFile.encode(Fixtures.train())
        bytes[4] = 99
        #expect(throws: ModelFileError.unsupportedVersion(found: 99, supported: ModelFile.version)) {
            try ModelFile.decode(bytes)
        }
    }
}
