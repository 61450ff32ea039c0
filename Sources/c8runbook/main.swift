import ArgumentParser
import C8RunbookCLI

RootCommand.main()
