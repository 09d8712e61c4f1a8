package dev.strata.stray;

/** A class in a package no architecture rule names, for ArchitectureRulesCanFailTest. */
public final class Stray {
}
