package io.docextract.server.cli;

import io.docextract.server.ApiException;
import io.docextract.server.admin.Change;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the administration commands: runs the work and turns a refused operation into a
 * message on standard error and exit code 1, the way the admin API answers 4xx.
 */
abstract class AdminSubcommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Does the work, printing the result to {@code out}. */
    abstract void run(PrintWriter out);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            run(out);
            out.flush();
            return 0;
        } catch (ApiException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + e.getMessage());
            e.details().forEach(detail -> err.println("  " + detail.field() + ": " + detail.issue()));
            err.flush();
            return 1;
        }
    }

    /** An option left out keeps the value; {@code plan} (for limits) goes back to the plan's. */
    static Change<Integer> limit(String option) {
        if (option == null) {
            return Change.keep();
        }
        if (option.equals("plan") || option.equals("none")) {
            return Change.to(null);
        }
        try {
            return Change.to(Integer.parseInt(option));
        } catch (NumberFormatException e) {
            throw ApiException.validation("limit", "must be a whole number, or 'plan' to use the plan's");
        }
    }

    static <T> Change<T> optional(T value) {
        return value == null ? Change.keep() : Change.to(value);
    }
}
