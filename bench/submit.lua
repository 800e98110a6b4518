-- wrk script: POST /v1/documents with a ~100 kB text document (base64 in JSON).
local key = os.getenv("KEY")
local extractor = os.getenv("EXTRACTOR")
local f = assert(io.open(os.getenv("DOC_B64"), "r"))
local doc = f:read("*a"):gsub("%s+", "")
f:close()
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer " .. key
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"extractor_id":"' .. extractor .. '","mime_type":"text/plain","filename":"load.txt","document":"' .. doc .. '","metadata":{"source":"load"}}'
