import ArgumentParser

@main
struct GradvizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gradviz")

    func run() throws {}
}
