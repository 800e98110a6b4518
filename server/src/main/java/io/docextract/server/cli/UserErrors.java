package io.docextract.server.cli;

import io.docextract.server.ApiException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a user got wrong (a missing file, an extractor file that does not parse or is
 * invalid, an unreachable or refusing server) into one line on standard error, and the fields at
 * fault under it, with exit code 1 instead of a stack trace. Anything else is a bug in the
 * command and keeps its stack trace.
 */
final class UserErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        String message = message(e);
        if (message == null) {
            throw e;
        }
        PrintWriter err = command.getErr();
        err.println(command.getCommandName() + ": " + message);
        if (e instanceof ApiException api) {
            api.details().forEach(detail -> err.println("  " + detail.field() + ": " + detail.issue()));
        }
        err.flush();
        return 1;
    }

    private static String message(Exception e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file: " + missing.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case ApiException api -> api.getMessage();
            case ApiClient.ApiCallFailed failed -> failed.getMessage();
            case UncheckedIOException io -> io.getMessage();
            case IOException io -> io.getMessage();
            case IllegalArgumentException argument -> argument.getMessage();
            default -> null;
        };
    }
}
