import Foundation
import Testing

/// The manifests of every shipped lesson (English and Chinese), and the course manifest, against
/// docs/manifest.schema.json; the validator itself against documents that must fail.
@Suite struct ManifestSchemaTests {
    static let schemaFile = CLIRunner.root.appendingPathComponent("docs/manifest.schema.json")

    static func validator() throws -> JSONSchemaValidator {
        try JSONSchemaValidator(schema: JSONDocument.parse(Data(contentsOf: schemaFile)))
    }

    @Test func everyShippedLessonsManifestMatchesTheSchema() throws {
        let course = try ShippedCourse.shared.get()
        let v = try ManifestSchemaTests.validator()
        var checked = 0
        for name in course.lessons {
            let doc = try JSONDocument.parse(Data(contentsOf: course.folder.appendingPathComponent("\(name)/manifest.json")))
            let errors = try v.errors(doc)
            #expect(errors.isEmpty, "\(name): \(errors.prefix(5).joined(separator: "; "))")
            checked += 1
        }
        #expect(checked == course.sources.count && checked >= 18, "\(checked) manifests for \(course.sources.count) lessons")
        let top = try JSONDocument.parse(Data(contentsOf: course.folder.appendingPathComponent("manifest.json")))
        #expect(try v.errors(top).isEmpty)
    }

    @Test func printedValuesAreWhatTheLessonPrints() throws {
        let course = try ShippedCourse.shared.get()
        let doc = try JSONDocument.parse(Data(contentsOf: course.folder.appendingPathComponent("lesson1/manifest.json")))
        let stdout = try String(contentsOf: CLIRunner.root.appendingPathComponent("Lessons/lesson1.stdout"), encoding: .utf8)
        let last = try #require(doc["frames"]?.array?.last)
        let nodes = try #require(last["scene"]?["nodes"]?.array)
        let x = try #require(nodes.first { $0["name"]?.string == "x" })
        // lesson1 prints `x = tensor(3., requires_grad=True)` and `x.grad = tensor(24.)`.
        let repr = try #require(x["repr"]?.string)
        let grad = try #require(x["grad_repr"]?.string)
        #expect(stdout.contains("x = " + repr))
        #expect(stdout.contains("x.grad = " + grad))
    }

    static let schema = """
    {"$defs": {"pos": {"type": "integer", "minimum": 1}},
     "type": "object", "required": ["a"], "additionalProperties": false,
     "properties": {"a": {"$ref": "#/$defs/pos"}, "b": {"type": "array", "items": {"enum": ["x", "y"]}, "maxItems": 2},
                    "c": {"oneOf": [{"type": "number"}, {"type": "integer"}]}, "d": {"type": "string", "pattern": "^t[0-9]+$"},
                    "e": {"anyOf": [{"type": "null"}, {"type": "boolean"}]}}}
    """

    @Test(arguments: [
        (#"{"a": 1, "b": ["x"], "d": "t12", "e": null}"#, 0),
        (#"{"a": 0}"#, 1), (#"{"a": 1.5}"#, 1), (#"{"b": []}"#, 1), (#"{"a": 1, "z": 2}"#, 1),
        (#"{"a": 1, "b": ["x", "q"]}"#, 1), (#"{"a": 1, "b": ["x", "x", "y"]}"#, 1), (#"{"a": 1, "c": 2}"#, 1),
        (#"{"a": 1, "c": 2.5}"#, 0), (#"{"a": 1, "d": "n1"}"#, 1), (#"{"a": 1, "e": 3}"#, 1), (#"{"a": true}"#, 1),
        (#"[]"#, 1),
    ])
    func validatorFindsEachBreak(document: String, errors: Int) throws {
        let v = try JSONSchemaValidator(schema: JSONDocument.parse(ManifestSchemaTests.schema))
        let found = try v.errors(JSONDocument.parse(document))
        #expect(found.count == errors, "\(document): \(found)")
    }

    @Test func validatorRefusesKeywordsItDoesNotCheck() {
        #expect(throws: JSONSchemaValidator.SchemaError.self) {
            try JSONSchemaValidator(schema: JSONDocument.parse(#"{"properties": {"a": {"maxLength": 3}}}"#))
        }
    }
}

/// `gradviz Lessons/*.txt Lessons/zh/*.txt --svg DIR`, run once for the tests that read it.
final class ShippedCourse: Sendable {
    let folder: URL
    /// The lesson folders written (`lesson1`, `zh-lesson1`, …).
    let lessons: [String]
    /// The shipped lesson files.
    let sources: [String]

    init() throws {
        let root = CLIRunner.root.appendingPathComponent("Lessons")
        var files: [String] = []
        for dir in [root, root.appendingPathComponent("zh")] {
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
            files += names.map { dir.appendingPathComponent($0).path }
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gradviz-course-\(UUID().uuidString)")
        let r = try CLIRunner.run(files + ["--svg", out.path], timeout: 900)
        guard r.status == 0 else { throw CourseFailed(message: r.stderr) }
        folder = out
        sources = files
        lessons = try FileManager.default.contentsOfDirectory(atPath: out.path)
            .filter { FileManager.default.fileExists(atPath: out.appendingPathComponent("\($0)/manifest.json").path) }.sorted()
    }

    struct CourseFailed: Error { var message: String }

    static let shared: Result<ShippedCourse, Error> = Result { try ShippedCourse() }
}
