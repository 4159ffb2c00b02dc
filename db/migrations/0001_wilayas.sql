-- Reference data: the 69 wilayas, generated from db/wilayas.csv by db/wilayas-migration.ts.
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('01', 'Adrar', 'أدرار', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('02', 'Chlef', 'الشلف', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('03', 'Laghouat', 'الاغواط', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('04', 'Oum El Bouaghi', 'أم البواقى', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('05', 'Batna', 'باتنة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('06', 'Bejaïa', 'بجاية', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('07', 'Biskra', 'بسكرة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('08', 'Béchar', 'بشار', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('09', 'Blida', 'البليدة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('10', 'Bouira', 'البويرة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('11', 'Tamanghasset', 'تامنغست', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('12', 'Tebessa', 'تبسة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('13', 'Tlemcen', 'تلمسان', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('14', 'Tiaret', 'تيارت', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('15', 'Tizi Ouzou', 'تيزى وزو', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('16', 'Alger', 'الجزائر', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('17', 'Djelfa', 'الجلفة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('18', 'Jijel', 'جيجل', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('19', 'Sétif', 'سطيف', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('20', 'Saïda', 'سعيدة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('21', 'Skikda', 'سكيكدة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('22', 'Sidi Bel Abbès', 'سيدى بلعباس', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('23', 'Annaba', 'عنابة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('24', 'Guelma', 'قالمة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('25', 'Constantine', 'قسنطينة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('26', 'Médéa', 'المدية', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('27', 'Mostaganem', 'مستغانم', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('28', 'M’Sila', 'المسيلة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('29', 'Mascara', 'معسكر', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('30', 'Ouargla', 'ورقلة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('31', 'Oran', 'وهران', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('32', 'El Bayadh', 'البيض', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('33', 'Illizi', 'ايليزى', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('34', 'Bordj Bou Arréridj', 'برج بوعريريج', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('35', 'Boumerdes', 'بومرداس', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('36', 'El Tarf', 'الطارف', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('37', 'Tindouf', 'تندوف', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('38', 'Tissemsilt', 'تيسمسيلت', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('39', 'El Oued', 'الوادى', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('40', 'Khenchela', 'خنشلة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('41', 'Souk Ahras', 'سوق أهراس', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('42', 'Tipaza', 'تيبازة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('43', 'Mila', 'ميلة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('44', 'Aïn Defla', 'عين الدفلى', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('45', 'Naama', 'النعامة', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('46', 'Aïn Temouchent', 'عين تيموشنت', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('47', 'Ghardaïa', 'غرداية', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('48', 'Relizane', 'غليزان', NULL);
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('49', 'Timimoun', 'تيميمون', '01');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('50', 'Bordj Badji Mokhtar', 'برج باجي مختار', '01');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('51', 'Ouled Djellal', 'أولاد جلال', '07');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('52', 'Béni Abbès', 'بني عباس', '08');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('53', 'In Salah', 'إن صالح', '11');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('54', 'In Guezzam', 'إن قزام', '11');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('55', 'Touggourt', 'توقرت', '30');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('56', 'Djanet', 'جانت', '33');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('57', 'El M’Ghaier', 'المغير', '39');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('58', 'El Meniaa', 'المنيعة', '47');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('59', 'Aflou', 'أفلو', '03');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('60', 'Barika', 'بريكة', '05');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('61', 'El Kantara', 'القنطرة', '07');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('62', 'Bir El Ater', 'بئر العاتر', '12');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('63', 'El Aricha', 'العريشة', '13');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('64', 'Ksar Chellala', 'قصر الشلالة', '14');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('65', 'Aïn Ouessara', 'عين وسارة', '17');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('66', 'Messaad', 'مسعد', '17');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('67', 'Ksar El Boukhari', 'قصر البخاري', '26');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('68', 'Bou Saâda', 'بوسعادة', '28');
--> statement-breakpoint
INSERT INTO wilayas (code, name_fr, name_ar, parent_code) VALUES ('69', 'El Abiodh Sidi Cheikh', 'الأبيض سيدي الشيخ', '32');
