/** An example of the domain used as a library: a capacity plan. */
module dev.strata.examples.capacityplan {
    requires dev.strata.domain;
}
