/** High-value members and their maintainers: staff, assignment, the maintenance log, the league and cakes. */
export {}
