#!/usr/bin/env python3
"""A copy of the shared corpus whose fields have other names than the ones the engine was built on.

Usage: python3 bench/rename_fields.py [CORPUS=../shared/corpus] [OUT=/tmp/corpus-renamed]

The documents are linked, not copied; each extractor's field names and the ground truth's keys
are renamed the way another user might name the same fields (issue_date for invoice_date,
supplier_name for vendor_name, ...). Descriptions stay as they are. Run the engine's corpus tool
or the evaluation through the service on the copy to see how much accuracy hangs on the names:

    java -Ddocextract.corpus=/tmp/corpus-renamed ... io.docextract.engine.fields.CorpusRunner
    bench/eval.sh /tmp/corpus-renamed/*/
"""
import json
import os
import sys

RENAMED = {
    'invoice_number': 'invoice_no', 'invoice_date': 'issue_date', 'due_date': 'payment_due_date',
    'total_amount': 'grand_total', 'subtotal_amount': 'net_total', 'tax_amount': 'total_vat',
    'currency': 'currency_code', 'vendor_name': 'supplier_name', 'vendor_email': 'seller_email',
    'vendor_phone': 'supplier_telephone', 'vendor_website': 'seller_website', 'vendor_vat_id': 'seller_tax_id',
    'iban': 'bank_iban', 'bic': 'swift_code', 'vendor_address': 'seller_address',
    'po_number': 'purchase_order_ref', 'buyer_name': 'customer', 'amount_due': 'balance_due', 'paid': 'is_paid',
    'employer_name': 'company', 'employee_name': 'staff_name', 'employee_id': 'staff_number',
    'pay_period_start': 'period_from', 'pay_period_end': 'period_to', 'pay_date': 'payment_date',
    'gross_pay': 'gross_salary', 'total_deductions': 'deductions_total', 'net_pay': 'take_home_pay',
    'income_tax': 'tax_withheld', 'order_date': 'date_ordered', 'delivery_date': 'requested_delivery',
    'buyer_address': 'customer_address', 'buyer_email': 'customer_email', 'buyer_phone': 'customer_phone',
    'merchant_name': 'store_name', 'merchant_address': 'store_address', 'merchant_phone': 'store_phone',
    'merchant_vat_id': 'store_tax_id', 'receipt_number': 'transaction_id', 'transaction_date': 'purchase_date',
    'total': 'amount_paid', 'account_number': 'customer_account', 'billing_period_start': 'service_from',
    'billing_period_end': 'service_to', 'line_items': 'items',
}


def main():
    src = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '../../shared/corpus'))
    dst = sys.argv[2] if len(sys.argv) > 2 else '/tmp/corpus-renamed'
    for dataset in sorted(os.listdir(src)):
        source, target = os.path.join(src, dataset), os.path.join(dst, dataset)
        if not os.path.isfile(os.path.join(source, 'extractor.json')):
            continue
        os.makedirs(target, exist_ok=True)
        for name in os.listdir(source):
            link = os.path.join(target, name)
            if name not in ('extractor.json', 'ground_truth.jsonl') and not os.path.lexists(link):
                os.symlink(os.path.join(source, name), link)
        with open(os.path.join(source, 'extractor.json')) as f:
            extractor = json.load(f)
        for field in extractor['field_definitions']:
            field['name'] = RENAMED.get(field['name'], field['name'])
        if 'field_map' in extractor:  # the evaluation's ground-truth name -> extractor name
            extractor['field_map'] = {RENAMED.get(k, k): RENAMED.get(v, v) for k, v in extractor['field_map'].items()}
        with open(os.path.join(target, 'extractor.json'), 'w') as f:
            json.dump(extractor, f)
        rows = []
        with open(os.path.join(source, 'ground_truth.jsonl')) as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    row['fields'] = {RENAMED.get(k, k): v for k, v in row['fields'].items()}
                    rows.append(json.dumps(row))
        with open(os.path.join(target, 'ground_truth.jsonl'), 'w') as f:
            f.write('\n'.join(rows) + '\n')
    print(dst)


if __name__ == '__main__':
    main()
