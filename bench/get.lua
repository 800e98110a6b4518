-- wrk script: authenticated GET of the path given on the command line.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KEY")
