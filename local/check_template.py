#!/usr/bin/env python3
"""Expands template.yaml with the SAM translator (the library `sam build`/`sam deploy` and CloudFormation's
AWS::Serverless transform use), offline, and checks what comes out (issue #27, docs/deploy.md):

- no AWS::Serverless::* resource is left;
- every AWS::Serverless::Function became an AWS::Lambda::Function with an execution role (an AWS::IAM::Role of the
  expansion), a published version and the alias `live` (Globals AutoPublishAlias);
- every HttpApi event of every function is a route of the HTTP API's OpenAPI body, with the method, the Lambda
  integration of that function, and the JWT authorizer unless the event says Authorizer: NONE; the function may be
  invoked by API Gateway (an AWS::Lambda::Permission);
- every SQS, DynamoDB-stream event is an AWS::Lambda::EventSourceMapping on the function's alias, every S3 event a
  bucket notification, every schedule a rule or schedule;
- the edge resources are conditional on HasEdge and the distribution routes /api/* and /verify/* to the HTTP API.

Offline: the template's CodeUri (Maven's jars) is replaced by a fake S3 location, the managed-policy map is cfn-lint's
copy (or empty: the template uses no AWS-managed policy by name), and the translator never calls AWS.

Usage: python3 local/check_template.py [template.yaml]   (exit 1 and the list of problems if anything is wrong)
"""
import copy
import json
import os
import sys
from pathlib import Path

try:
    import samtranslator
    from samtranslator.parser import parser
    from samtranslator.translator.translator import Translator
    from samtranslator.yaml_helper import yaml_parse
except ImportError:  # pragma: no cover
    print("samtranslator not found (pip install cfn-lint brings it): template expansion not checked", file=sys.stderr)
    sys.exit(0)

ROOT = Path(__file__).resolve().parent.parent
REGION = "ap-southeast-1"
# the parameters without a default (docs/deploy.md gives the real ones)
PARAMETERS = {
    "CognitoDomainPrefix": "dvc-check",
    "SmsOriginationIdentityArn": "arn:aws:sms-voice:ap-southeast-1:123456789012:sender-id/BOVHTTDL/VN",
}


def managed_policy_map():
    try:
        import cfnlint
        p = Path(cfnlint.__file__).parent / "data" / "Serverless" / "ManagedPolicies.json"
        if p.exists():
            return json.loads(p.read_text())
    except ImportError:
        pass
    return {}


def expand(template):
    sam = copy.deepcopy(template)
    for res in sam.get("Resources", {}).values():
        if res.get("Type") == "AWS::Serverless::Function":
            res["Properties"]["CodeUri"] = "s3://offline-check/code.jar"
    os.environ.setdefault("AWS_DEFAULT_REGION", REGION)
    translator = Translator(managed_policy_map=managed_policy_map(), sam_parser=parser.Parser())
    return translator.translate(sam_template=sam, parameter_values=dict(PARAMETERS), passthrough_metadata=True)


def ref_of(value):
    """The logical id of a {"Ref": X} or {"Fn::GetAtt": [X, ...]} (or "X.Attr"), else None."""
    if isinstance(value, dict):
        if "Ref" in value:
            return value["Ref"]
        if "Fn::GetAtt" in value:
            g = value["Fn::GetAtt"]
            return g[0] if isinstance(g, list) else g.split(".")[0]
    return None


def check(template, out):
    problems = []
    src = template["Resources"]
    res = out["Resources"]

    def typ(i):
        return res.get(i, {}).get("Type")

    left = sorted(i for i, r in res.items() if r["Type"].startswith("AWS::Serverless::"))
    if left:
        problems.append(f"serverless resources left after the transform: {left}")

    functions = {i: r for i, r in src.items() if r["Type"] == "AWS::Serverless::Function"}
    apis = {i for i, r in src.items() if r["Type"] == "AWS::Serverless::HttpApi"}
    for api in apis:
        if typ(api) != "AWS::ApiGatewayV2::Api":
            problems.append(f"{api}: no AWS::ApiGatewayV2::Api")
    alias_name = src and template.get("Globals", {}).get("Function", {}).get("AutoPublishAlias")

    routes_checked = 0
    for fid, f in functions.items():
        props = f["Properties"]
        if typ(fid) != "AWS::Lambda::Function":
            problems.append(f"{fid}: not an AWS::Lambda::Function")
            continue
        role = ref_of(res[fid]["Properties"].get("Role"))
        if role is None or typ(role) != "AWS::IAM::Role":
            problems.append(f"{fid}: no execution role of its own (Role {res[fid]['Properties'].get('Role')})")
        alias = props.get("AutoPublishAlias", alias_name)
        alias_id = None
        if alias:
            aliases = [i for i, r in res.items() if r["Type"] == "AWS::Lambda::Alias"
                       and ref_of(r["Properties"].get("FunctionName")) == fid]
            if not aliases or res[aliases[0]]["Properties"].get("Name") != alias:
                problems.append(f"{fid}: no alias {alias}")
            else:
                alias_id = aliases[0]
                version = ref_of(res[alias_id]["Properties"].get("FunctionVersion"))
                if typ(version) != "AWS::Lambda::Version":
                    problems.append(f"{fid}: alias {alias} points at no published version")

        events = props.get("Events", {}) or {}
        for ename, ev in events.items():
            et, ep = ev["Type"], ev.get("Properties", {})
            if et == "HttpApi":
                routes_checked += 1
                api = ref_of(ep.get("ApiId"))
                body = res.get(api, {}).get("Properties", {}).get("Body", {})
                op = (body.get("paths", {}).get(ep["Path"], {})
                      .get("x-amazon-apigateway-any-method" if ep["Method"].upper() == "ANY" else ep["Method"].lower()))
                if op is None:
                    problems.append(f"{fid}.{ename}: route {ep['Method']} {ep['Path']} missing from {api}")
                    continue
                uri = json.dumps(op.get("x-amazon-apigateway-integration", {}).get("uri"))
                if fid not in uri:
                    problems.append(f"{fid}.{ename}: route {ep['Method']} {ep['Path']} does not integrate {fid}: {uri}")
                public = (ep.get("Auth") or {}).get("Authorizer") == "NONE"
                secured = bool(op.get("security")) and any("CognitoJwt" in s for s in op["security"])
                if public and secured:
                    problems.append(f"{fid}.{ename}: {ep['Path']} is meant to be public but asks for a token")
                if not public and not secured:
                    problems.append(f"{fid}.{ename}: {ep['Path']} is not behind the CognitoJwt authorizer")
                perms = [r for r in res.values() if r["Type"] == "AWS::Lambda::Permission"
                         and r["Properties"].get("Principal") == "apigateway.amazonaws.com"
                         and ref_of(r["Properties"].get("FunctionName")) in (fid, alias_id)]
                if not perms:
                    problems.append(f"{fid}.{ename}: API Gateway may not invoke {fid}")
            elif et in ("SQS", "DynamoDB", "Kinesis"):
                maps = [r for r in res.values() if r["Type"] == "AWS::Lambda::EventSourceMapping"
                        and ref_of(r["Properties"].get("FunctionName")) in (fid, alias_id)]
                source = ref_of(ep.get("Queue") or ep.get("Stream"))
                if not any(source and source in json.dumps(m["Properties"].get("EventSourceArn")) for m in maps):
                    problems.append(f"{fid}.{ename}: no event source mapping from {source}")
            elif et == "S3":
                bucket = ref_of(ep.get("Bucket"))
                conf = res.get(bucket, {}).get("Properties", {}).get("NotificationConfiguration", {})
                if not any(fid in json.dumps(c) or (alias_id and alias_id in json.dumps(c))
                           for c in conf.get("LambdaConfigurations", [])):
                    problems.append(f"{fid}.{ename}: {bucket} does not notify {fid}")
            elif et in ("Schedule", "ScheduleV2"):
                wanted = "AWS::Events::Rule" if et == "Schedule" else "AWS::Scheduler::Schedule"
                if not any(r["Type"] == wanted and (fid in json.dumps(r["Properties"]) or
                                                    (alias_id and alias_id in json.dumps(r["Properties"])))
                           for r in res.values()):
                    problems.append(f"{fid}.{ename}: no {wanted} targets {fid}")

    if routes_checked < 10:
        problems.append(f"only {routes_checked} HttpApi routes were found: was the template read?")

    # the edge: present, conditional, and routing the API paths to the HTTP API
    dist = res.get("WebDistribution")
    if dist is None or dist.get("Condition") != "HasEdge":
        problems.append("WebDistribution missing or not conditional on HasEdge")
    else:
        cfg = dist["Properties"]["DistributionConfig"]
        api_origin = [o["Id"] for o in cfg["Origins"] if "execute-api" in json.dumps(o.get("DomainName"))]
        paths = {b["PathPattern"]: b for b in cfg.get("CacheBehaviors", [])}
        for p in ("/api/*", "/verify/*"):
            b = paths.get(p)
            if not b or b["TargetOriginId"] not in api_origin:
                problems.append(f"WebDistribution: {p} does not go to the HTTP API")
            elif b.get("CachePolicyId") != "4135ea2d-6df8-44a3-9df3-4b5a84be39ad":
                problems.append(f"WebDistribution: {p} is not CachingDisabled")
    for i in ("WebOriginAccessControl", "WebSecurityHeadersPolicy", "WebBucketPolicy"):
        if res.get(i, {}).get("Condition") != "HasEdge":
            problems.append(f"{i} missing or not conditional on HasEdge")
    trail = res.get("AuditTrail", {}).get("Properties", {})
    selectors = json.dumps(trail.get("AdvancedEventSelectors", []))
    for store in ("DossierTable", "UploadsBucket", "QuarantineBucket", "DocumentsBucket", "ResultsBucket"):
        if store not in selectors:
            problems.append(f"AuditTrail records no data events of {store}")
    return problems, len(functions), routes_checked


def self_test(template, out):
    """The check finds what it looks for: break a copy of the expansion four ways, expect four problems."""
    broken = copy.deepcopy(out)
    r = broken["Resources"]
    body = r["HttpApi"]["Properties"]["Body"]["paths"]
    del body["/api/procedures"]                                        # a route gone
    body["/api/track/{code}"]["get"]["security"] = [{"CognitoJwt": []}]  # a public route asking for a token
    r["CitizenApiFunction"]["Properties"]["Role"] = "arn:aws:iam::123456789012:role/shared"  # not its own role
    r["AuditTrail"]["Properties"]["AdvancedEventSelectors"] = []       # no data events
    problems, _, _ = check(template, broken)
    wanted = ["/api/procedures missing", "meant to be public", "CitizenApiFunction: no execution role", "AuditTrail records"]
    missed = [w for w in wanted if not any(w in p for p in problems)]
    if missed:
        print(f"the check did not see: {missed} (it said {problems})")
        sys.exit(1)


def main():
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "template.yaml"
    template = yaml_parse(path.read_text(encoding="utf-8"))
    out = expand(template)
    self_test(template, out)
    problems, nfun, nroutes = check(template, out)
    if problems:
        print(f"{path.name}: {len(problems)} problem(s) after the SAM transform (samtranslator {samtranslator.__version__}):")
        for p in problems:
            print("  - " + p)
        sys.exit(1)
    print(f"{path.name}: expanded with samtranslator {samtranslator.__version__}: {nfun} functions (each a Lambda "
          f"function with its role, version and alias), {nroutes} HTTP API routes, {len(out['Resources'])} resources")


if __name__ == "__main__":
    main()
