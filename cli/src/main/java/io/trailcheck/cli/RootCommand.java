package io.trailcheck.cli;

import picocli.CommandLine.Command;

@Command(name = "trailcheck", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks that conversations with Copilot Studio agents will leave a CopilotInteraction audit trail.",
        subcommands = {ScanCommand.class, ReportCommand.class, KqlCommand.class, RulesCommand.class, ExplainCommand.class,
                ValidateCommand.class, TestCommand.class, CollectCommand.class, picocli.CommandLine.HelpCommand.class,
                picocli.AutoComplete.GenerateCompletion.class})
public final class RootCommand {
}
