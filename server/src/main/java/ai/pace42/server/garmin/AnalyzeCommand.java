package ai.pace42.server.garmin;

import ai.pace42.bot.account.Account;
import ai.pace42.bot.channel.TextRenderer;
import ai.pace42.coach.ChartImage;
import ai.pace42.coach.CoachAnswer;
import ai.pace42.coach.UnitSystem;
import ai.pace42.coach.answer.RunReport;
import ai.pace42.garmin.Result;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code java -jar pace42.jar analyze <file> [--units km|mi]}: the coach's "analyze my last run" answer for one
 * FIT, GPX or TCX file (or the newest run in a zip of them), printed as plain text, with the chart written beside
 * the file. The same {@link ActivityFileAnalysis} answers files sent in chat, so both read a run alike. A plain
 * {@link Command}: it needs no configuration, database or secrets.
 */
public final class AnalyzeCommand extends Command {

    static final String DETAILS_FLAG_HINT = "Add --details for splits, zones and the full breakdown.";

    private final PrintStream out;
    private final Clock clock;
    private final ActivityFileAnalysis analysis = new ActivityFileAnalysis();

    public AnalyzeCommand() {
        this(System.out, Clock.systemDefaultZone());
    }

    /** {@code clock} gives "now" and the time zone dates are shown in (the machine's own by default). */
    AnalyzeCommand(PrintStream out, Clock clock) {
        super("analyze", "Print the coach's analysis of a FIT, GPX or TCX file and write its chart beside it");
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("file").help("a .fit, .gpx or .tcx activity file, or a .zip of them (at most 25 MB)");
        subparser.addArgument("--units").choices("km", "mi").setDefault("km")
                .help("distances and paces in kilometres or miles");
        subparser.addArgument("--details").action(net.sourceforge.argparse4j.impl.Arguments.storeTrue())
                .help("print the full breakdown (observations, synthesis, splits) instead of the concise reply");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws AnalyzeFailure {
        Path file = Path.of(namespace.getString("file"));
        UnitSystem units = "mi".equals(namespace.getString("units")) ? UnitSystem.IMPERIAL : UnitSystem.METRIC;
        byte[] content = ActivityFileInput.read(file);
        Account reader = new Account("cli", Instant.EPOCH, units, Optional.of(clock.getZone()), "");
        Result<CoachAnswer> answer = analysis.answer(reader, file.getFileName().toString(), content,
                clock.instant());
        if (!answer.isOk()) {
            throw ActivityFileInput.problem(answer.problem().code(), file);
        }
        CoachAnswer a = answer.value();
        String text = Boolean.TRUE.equals(namespace.getBoolean("details")) ? a.details().orElse(a.text())
                : a.text().replace(RunReport.DETAILS_HINT, DETAILS_FLAG_HINT);
        out.println(TextRenderer.PLAIN.render(text));
        List<ChartImage> charts = a.charts();
        List<Path> written = ChartFiles.writeBeside(file, charts);
        for (int i = 0; i < written.size(); i++) {
            out.println();
            out.println("Chart: " + written.get(i) + " (" + charts.get(i).altText() + ")");
        }
        out.flush();
    }

    /** One friendly line with a code; never a stack trace (Dropwizard's default prints one). */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof AnalyzeFailure failure) {
            cli.getStdErr().println(failure.line());
        } else {
            cli.getStdErr().println("Something unexpected went wrong while analysing "
                    + namespace.getString("file") + " (ANALYZE_FAILED: " + e.getClass().getSimpleName() + ").");
        }
        cli.getStdErr().flush();
    }
}
