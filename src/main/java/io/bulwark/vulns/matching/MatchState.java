package io.bulwark.vulns.matching;

/**
 * What matching one record against one installed version says, in the terms of the three
 * software states ({@code vulnerable}, {@code not_vulnerable}, {@code unknown}).
 */
public enum MatchState {
    /** The record's ranges contain the installed version. */
    VULNERABLE,
    /** The record's ranges were read and do not contain the installed version. */
    NOT_VULNERABLE,
    /** No answer is possible, for example because the installed version is empty. */
    UNKNOWN
}
