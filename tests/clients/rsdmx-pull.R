# Pulls numbers from a running Bridges server with R's rsdmx (Debian's r-cran-rsdmx), as an analyst
# would, and writes what it read as CSV files for rsdmx.test.ts to check against the publisher's file.
# Usage: Rscript rsdmx-pull.R BASE_URL OUT_DIR
args <- commandArgs(trailingOnly = TRUE)
base <- args[1]
out <- args[2]
suppressPackageStartupMessages(library(rsdmx))
sdmx <- function(path) paste0(base, "/api/sdmx/", path)
save <- function(df, name) write.csv(df, file.path(out, name), row.names = FALSE)
# rsdmx 0.6 warns "length(x) = 2 > 1 in coercion to logical(1)" from its own code on R >= 4.3
# whenever observations carry two attributes or more (status, flags, Bridges' comment); the frame
# it builds is right.
read_data <- function(path) suppressWarnings(as.data.frame(readSDMX(sdmx(path))))

flows <- as.data.frame(readSDMX(sdmx("dataflow")))
save(flows[, c("id", "agencyID", "version", grep("^Name", names(flows), value = TRUE))], "flows.csv")

corridor <- read_data("data/UNDESA_IMS_2024_MIGRANT_STOCK/A.USA.PHL.")
save(corridor, "corridor.csv")

window <- read_data("data/UNDESA_IMS_2024_MIGRANT_STOCK/A.USA.PHL.?startPeriod=2010&endPeriod=2020")
save(window, "window.csv")

abroad <- read_data("data/UNDESA_IMS_2024_MIGRANT_STOCK/A..PHL.?startPeriod=2024&endPeriod=2024")
save(abroad, "abroad.csv")

# Americans in the Philippines, whose 2024 figures UN DESA gives again as 2020's: Bridges' comment
# on them (COMMENT_OBS), none on 2020's.
repeats <- read_data("data/UNDESA_IMS_2024_MIGRANT_STOCK/A.PHL.USA.?startPeriod=2020")
save(repeats, "repeats.csv")

dsd <- readSDMX(sdmx("datastructure/BRIDGES/UNDESA_IMS_2024_MIGRANT_STOCK/1.0"))
save(as.data.frame(slot(dsd, "codelists"), codelistId = "CL_AREA"), "areas.csv")
dimensions <- slot(slot(slot(dsd, "datastructures"), "datastructures")[[1]], "Components")
save(as.data.frame(dimensions), "components.csv")

# What a spreadsheet gets from the CSV address.
save(read.csv(sdmx("data/UNDESA_IMS_2024_MIGRANT_STOCK/A.USA.PHL.?format=csv")), "spreadsheet.csv")
