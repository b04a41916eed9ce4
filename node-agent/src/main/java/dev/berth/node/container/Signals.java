package dev.berth.node.container;

import java.util.List;
import java.util.Locale;

/** Linux signal names and numbers as Docker accepts them: {@code SIGTERM}, {@code TERM}, {@code 15}, {@code SIGRTMIN+3}. */
final class Signals {

  /** Names of signals 1-31 in number order. */
  private static final List<String> NAMES = List.of("HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
      "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
      "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS");
  private static final int RTMIN = 34;
  private static final int MAX = 64;

  static final int SIGKILL = 9;
  static final int SIGTERM = 15;

  private Signals() {
  }

  static boolean isValid(String signal) {
    try {
      number(signal);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The signal's number; unknown names and numbers out of 1-64 are refused. */
  static int number(String signal) {
    String name = signal.strip().toUpperCase(Locale.ROOT);
    if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
      int number = Integer.parseInt(name.length() > 2 ? "999" : name);
      if (number < 1 || number > MAX) {
        throw new IllegalArgumentException("invalid signal: " + signal);
      }
      return number;
    }
    if (name.startsWith("SIG")) {
      name = name.substring(3);
    }
    int index = NAMES.indexOf(name);
    if (index >= 0) {
      return index + 1;
    }
    if (name.startsWith("RTMIN")) {
      int offset = name.equals("RTMIN") ? 0 : parseOffset(name.substring(5), signal);
      return check(RTMIN + offset, signal);
    }
    if (name.startsWith("RTMAX")) {
      int offset = name.equals("RTMAX") ? 0 : parseOffset(name.substring(5), signal);
      return check(MAX + offset, signal);
    }
    throw new IllegalArgumentException("invalid signal: " + signal);
  }

  private static int parseOffset(String text, String signal) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid signal: " + signal, e);
    }
  }

  private static int check(int number, String signal) {
    if (number < RTMIN || number > MAX) {
      throw new IllegalArgumentException("invalid signal: " + signal);
    }
    return number;
  }
}
